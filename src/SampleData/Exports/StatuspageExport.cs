using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using SupportLens.SampleData.Incidents;

namespace SupportLens.SampleData.Exports;

/// <summary>
/// The incidents as the Statuspage v2 API lists them (`GET /api/v2/incidents.json`: `{page, incidents:[...]}`), each
/// incident shaped like the real files in data/statuspage-incidents: updates investigating → identified → monitoring →
/// resolved, impact from severity, the component it hit. A public status page does not say which clients were hit.
/// </summary>
internal static class StatuspageExport
{
    private const string PageId = "s1e1k3tsu0ai";

    internal static void Write(string path, IReadOnlyList<SampleIncident> incidents, HistoryWindow window, Prng rng)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var end = window.End;
        var componentsCreated = window.Start - Duration.FromDays(400);
        json.WriteStartObject();
        json.WriteStartObject("page");
        json.WriteString("id", PageId);
        json.WriteString("name", "Seiketsu AI");
        json.WriteString("url", "https://status.seiketsu.ai");
        json.WriteString("time_zone", "Etc/UTC");
        json.WriteString("updated_at", Stamp(end - Duration.FromMinutes(1)));
        json.WriteEndObject();
        json.WriteStartArray("incidents");
        // Newest first, as the API returns them.
        foreach (var incident in incidents.Where(i => i.FirstUpdate < end).OrderByDescending(i => i.Started))
        {
            var updates = Updates(incident, end);
            var resolved = incident.Resolved < end;
            var last = updates[^1];
            json.WriteStartObject();
            json.WriteString("id", incident.StatuspageId);
            json.WriteString("name", incident.Title);
            json.WriteString("status", last.Status);
            json.WriteString("created_at", Stamp(incident.FirstUpdate));
            json.WriteString("updated_at", Stamp(last.At));
            var monitoring = updates.FirstOrDefault(u => u.Status == "monitoring");
            if (monitoring.Status is null)
            {
                json.WriteNull("monitoring_at");
            }
            else
            {
                json.WriteString("monitoring_at", Stamp(monitoring.At));
            }
            if (resolved)
            {
                json.WriteString("resolved_at", Stamp(incident.Resolved));
            }
            else
            {
                json.WriteNull("resolved_at");
            }
            json.WriteString("impact", incident.Severity switch { 1 => "critical", 2 => "major", 3 => "minor", _ => "none" });
            json.WriteString("shortlink", $"https://stspg.io/{incident.StatuspageId[..9]}");
            json.WriteString("started_at", Stamp(incident.Started));
            json.WriteString("page_id", PageId);
            json.WriteStartArray("incident_updates");
            // Newest update first, as in the real files.
            for (var i = updates.Count - 1; i >= 0; i--)
            {
                var u = updates[i];
                json.WriteStartObject();
                json.WriteString("id", rng.Base36(12));
                json.WriteString("status", u.Status);
                json.WriteString("body", u.Body);
                json.WriteString("incident_id", incident.StatuspageId);
                json.WriteString("created_at", Stamp(u.At));
                json.WriteString("updated_at", Stamp(u.At));
                json.WriteString("display_at", Stamp(u.At));
                json.WriteStartArray("affected_components");
                json.WriteStartObject();
                json.WriteString("code", incident.Component.StatuspageId);
                json.WriteString("name", incident.Component.Name);
                json.WriteString("old_status", i == 0 ? "operational" : ComponentStatus(incident, updates[i - 1].Status));
                json.WriteString("new_status", ComponentStatus(incident, u.Status));
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteBoolean("deliver_notifications", incident.Severity <= 2);
                json.WriteNull("custom_tweet");
                json.WriteNull("tweet_id");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("components");
            var component = incident.Component;
            json.WriteStartObject();
            json.WriteString("id", component.StatuspageId);
            json.WriteString("name", component.Name);
            json.WriteString("status", ComponentStatus(incident, last.Status));
            json.WriteString("created_at", Stamp(componentsCreated));
            json.WriteString("updated_at", Stamp(last.At));
            json.WriteNumber("position", IncidentModel.Components.ToList().IndexOf(component) + 1);
            json.WriteString("description", component.Description);
            json.WriteBoolean("showcase", true);
            json.WriteNull("start_date");
            json.WriteNull("group_id");
            json.WriteString("page_id", PageId);
            json.WriteBoolean("group", false);
            json.WriteBoolean("only_show_if_degraded", false);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private readonly record struct Update(string Status, Instant At, string Body);

    private static List<Update> Updates(SampleIncident incident, Instant end)
    {
        var name = incident.Component.Name;
        var duration = incident.Resolved - incident.FirstUpdate;
        var list = new List<Update>
        {
            new("investigating", incident.FirstUpdate, $"We are investigating reports of problems with {name}. Some clients may be affected."),
            new("identified", incident.FirstUpdate + duration * 0.4, $"The cause of the {name} issue has been identified and a fix is being rolled out."),
            new("monitoring", incident.FirstUpdate + duration * 0.75, $"A fix has been applied to {name}. We are monitoring the results."),
            new("resolved", incident.Resolved, $"This incident has been resolved. {name} is operating normally."),
        };
        return list.Where(u => u.At < end).ToList();
    }

    private static string ComponentStatus(SampleIncident incident, string updateStatus) => updateStatus switch
    {
        "resolved" => "operational",
        "monitoring" => "degraded_performance",
        _ => incident.Severity switch { 1 => "major_outage", 2 => "partial_outage", _ => "degraded_performance" },
    };

    private static string Stamp(Instant t) => t.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
