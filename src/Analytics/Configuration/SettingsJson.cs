using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportLens.Analytics.Configuration;

internal static class SettingsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A misspelt key must fail loudly, not silently keep a default.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        // The file is read by people, not embedded in HTML: "SupportLens <reports@example.com>" stays as written.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string DescribeSyntax(JsonException e) => $"not valid JSON{Line(e)}: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}";

    /// <summary>A serializer error as "key.path: what is wrong (line n)".</summary>
    public static string DescribeShape(JsonException e)
    {
        var path = e.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "(top level)";
        var what = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "unknown key"
            : "wrong kind of value (text, a number, a list or an object is expected here)";
        return $"{path}: {what}{Line(e)}";
    }

    private static string Line(JsonException e) => e.LineNumber is { } n ? $" (line {n + 1})" : string.Empty;
}
