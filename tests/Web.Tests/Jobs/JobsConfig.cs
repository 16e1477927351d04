using System.Text.Json.Nodes;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Web.Tests.Jobs;

/// <summary>A configuration file for job tests: the defaults with the jobs section edited, written to a file.</summary>
internal static class JobsConfig
{
    /// <summary>The six success managers of the sample clients, each with an address.</summary>
    public static readonly string[] SuccessManagers = ["Daniel Brooks", "Grace Whitfield", "Maya Okafor", "Priya Raman", "Sofia Marquez", "Tom Lindqvist"];

    public static string Address(string manager) => manager.ToLowerInvariant().Replace(' ', '.') + "@example.com";

    public static string Write(string path, Action<JsonNode>? edit = null, int? smtpPort = null)
    {
        var root = JsonNode.Parse(SupportLensSettings.Default.ToJson())!;
        var jobs = root["jobs"]!;
        jobs["recipients"] = new JsonObject
        {
            ["executives"] = new JsonArray("ceo@example.com", "coo@example.com"),
            ["qa"] = new JsonArray("qa@example.com"),
            ["success_managers"] = new JsonObject(SuccessManagers.Select(m => KeyValuePair.Create(m, (JsonNode?)JsonValue.Create(Address(m))))),
        };
        if (smtpPort is { } port)
        {
            jobs["smtp"]!["host"] = "127.0.0.1";
            jobs["smtp"]!["port"] = port;
            jobs["smtp"]!["tls"] = "none";
            jobs["smtp"]!["from"] = "SupportLens <reports@supportlens.test>";
        }

        edit?.Invoke(jobs);
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
