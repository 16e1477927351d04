using System.Globalization;
using System.Text.Json;
using SupportLens.Ingest.Readers;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Profiles;

/// <summary>Shared pieces of the vendor JSON converters: records in, generic fields out, errors passed through.</summary>
internal static class VendorJson
{
    public static IEnumerable<ConvertedRecord> Each(
        IEnumerable<(JsonRecord? Record, RowError? Error)> records, Func<JsonRecord, ConvertedRecord> convert)
    {
        foreach (var (record, error) in records)
        {
            yield return record is null ? new ConvertedRecord(error!.Line, null, error) : convert(record);
        }
    }

    public static string? Get(JsonElement e, string path) => JsonFlattener.At(e, path);

    /// <summary>A mapped value, or the raw one (which validation then names as not allowed).</summary>
    public static string? Map(string? value, IReadOnlyDictionary<string, string> map) =>
        value is null ? null : map.GetValueOrDefault(value.Trim().ToLowerInvariant(), value);

    /// <summary>A timestamp plus some minutes, for metrics that vendors give as durations.</summary>
    public static string? After(string? start, string? minutes)
    {
        if (start is null || minutes is null
            || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var origin)
            || !double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            || !double.IsFinite(m) || Math.Abs(m) > 100 * 366 * 24 * 60)
        {
            // A duration beyond a century is no reply time; the ticket loads without it.
            return null;
        }
        return origin.AddMinutes(m).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Zendesk API JSON. Tickets (<c>{"tickets": [...]}</c>, a single <c>{"ticket": ...}</c>, or bare objects) are joined
/// with the ticket_metrics in the same file (<c>ticket_metrics</c>, <c>ticket_metric</c>, or the <c>metric_sets</c> that
/// <c>?include=metric_sets</c> side-loads): replies, reopens, solved time, first reply. The join holds one file's
/// tickets in memory, which an API page keeps small. Satisfaction ratings (good/bad) become csat responses whose
/// client is the client of their ticket.
/// </summary>
internal static class ZendeskJson
{
    public static readonly IReadOnlySet<string> TicketWrappers = new HashSet<string> { "tickets", "ticket", "ticket_metrics", "ticket_metric", "metric_sets", "results" };

    public static readonly IReadOnlySet<string> RatingWrappers = new HashSet<string> { "satisfaction_ratings", "satisfaction_rating", "results" };

    private static readonly Dictionary<string, string> Channels = new()
    {
        ["email"] = "email", ["web"] = "web", ["web_form"] = "web", ["web_widget"] = "web", ["web_service"] = "api", ["api"] = "api",
        ["help_center"] = "web", ["portal"] = "web", ["facebook"] = "web", ["twitter"] = "web", ["any_channel"] = "web", ["forum"] = "web",
        ["chat"] = "chat", ["native_messaging"] = "chat", ["messaging"] = "chat", ["sms"] = "chat", ["whatsapp"] = "chat", ["mobile_sdk"] = "chat",
        ["voice"] = "phone", ["phone"] = "phone", ["rule"] = "api", ["closed_ticket"] = "api", ["sample_ticket"] = "api", ["mobile"] = "api",
    };

    private static readonly Dictionary<string, string> Statuses = new() { ["hold"] = "on_hold" };

    public static IEnumerable<ConvertedRecord> Tickets(IEnumerable<(JsonRecord? Record, RowError? Error)> records)
    {
        var tickets = new List<JsonRecord>();
        var metrics = new Dictionary<string, JsonRecord>(StringComparer.Ordinal);
        foreach (var (record, error) in records)
        {
            if (record is null)
            {
                yield return new ConvertedRecord(error!.Line, null, error);
            }
            else if (record.Collection is "ticket_metrics" or "ticket_metric" or "metric_sets"
                     || (record.Collection is null && record.Element.TryGetProperty("reply_time_in_minutes", out _)))
            {
                var ticketId = Get(record.Element, "ticket_id");
                if (ticketId is null)
                {
                    yield return ConvertedRecord.Fail(record.Line, "ticket_id", "the ticket metric has no ticket_id");
                }
                else
                {
                    metrics[ticketId] = record;
                }
            }
            else
            {
                tickets.Add(record);
            }
        }
        var joined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ticket in tickets)
        {
            var t = ticket.Element;
            var id = Get(t, "id");
            var fields = new Dictionary<string, string?>
            {
                ["ticket_id"] = id,
                ["client_id"] = Get(t, "organization_id"),
                ["created_at"] = Get(t, "created_at"),
                ["updated_at"] = Get(t, "updated_at"),
                ["channel"] = VendorJson.Map(Get(t, "via.channel"), Channels),
                ["priority"] = Get(t, "priority"),
                ["status"] = VendorJson.Map(Get(t, "status"), Statuses),
                ["category"] = Get(t, "type"),
                ["agent_id"] = Get(t, "assignee_id"),
            };
            if (id is not null && metrics.TryGetValue(id, out var metric))
            {
                joined.Add(id);
                var m = metric.Element;
                fields["agent_replies"] = Get(m, "replies");
                fields["reopens"] = Get(m, "reopens");
                fields["solved_at"] = Get(m, "solved_at");
                fields["first_response_at"] = VendorJson.After(fields["created_at"], Get(m, "reply_time_in_minutes.calendar"));
            }
            yield return new ConvertedRecord(ticket.Line, fields, null);
        }
        foreach (var (ticketId, metric) in metrics.Where(m => !joined.Contains(m.Key)))
        {
            yield return new ConvertedRecord(metric.Line, null, RowError.Of(metric.Line, "ticket_id", ticketId,
                "the ticket metric has no ticket in this file: give tickets and their metrics in one file (e.g. ?include=metric_sets)"));
        }
    }

    public static IEnumerable<ConvertedRecord> Ratings(IEnumerable<(JsonRecord? Record, RowError? Error)> records) =>
        VendorJson.Each(records, r =>
        {
            var score = Get(r.Element, "score")?.ToLowerInvariant();
            // Zendesk also lists surveys that were offered but not answered; CSAT excludes them (DESIGN.md §4).
            if (score is "offered" or "unoffered")
            {
                return ConvertedRecord.Fail(r.Line, "score", $"the survey was not answered (score '{score}')");
            }
            return new ConvertedRecord(r.Line, new Dictionary<string, string?>
            {
                ["response_id"] = Get(r.Element, "id"),
                ["ticket_id"] = Get(r.Element, "ticket_id"),
                ["responded_at"] = Get(r.Element, "created_at"),
                ["updated_at"] = Get(r.Element, "updated_at"),
                ["score"] = score is "good_with_comment" ? "good" : score is "bad_with_comment" ? "bad" : score,
                ["comment"] = Get(r.Element, "comment"),
            }, null);
        });

    private static string? Get(JsonElement e, string path) => VendorJson.Get(e, path);
}

/// <summary>
/// Freshdesk API v2 JSON: tickets (numeric status, priority and source codes; first response, resolution and close
/// times from <c>stats</c>) and satisfaction ratings (the -103..103 scale of the default question, read as 1-5).
/// </summary>
internal static class FreshdeskJson
{
    public static readonly IReadOnlySet<string> Wrappers = new HashSet<string> { "tickets", "satisfaction_ratings", "results" };

    private static readonly Dictionary<string, string> Statuses = new() { ["2"] = "open", ["3"] = "pending", ["4"] = "solved", ["5"] = "closed", ["6"] = "on_hold", ["7"] = "on_hold" };

    private static readonly Dictionary<string, string> Priorities = new() { ["1"] = "low", ["2"] = "normal", ["3"] = "high", ["4"] = "urgent" };

    private static readonly Dictionary<string, string> Sources = new()
    {
        ["1"] = "email", ["2"] = "web", ["3"] = "phone", ["4"] = "web", ["5"] = "web", ["6"] = "web", ["7"] = "chat", ["8"] = "chat",
        ["9"] = "web", ["10"] = "email", ["11"] = "web", ["12"] = "chat", ["13"] = "chat",
    };

    private static readonly Dictionary<string, string> Ratings = new()
    {
        ["103"] = "5", ["102"] = "5", ["101"] = "4", ["100"] = "3", ["-101"] = "2", ["-102"] = "1", ["-103"] = "1",
    };

    public static IEnumerable<ConvertedRecord> Tickets(IEnumerable<(JsonRecord? Record, RowError? Error)> records) =>
        VendorJson.Each(records, r => new ConvertedRecord(r.Line, new Dictionary<string, string?>
        {
            ["ticket_id"] = Get(r.Element, "id"),
            ["client_id"] = Get(r.Element, "company_id"),
            ["created_at"] = Get(r.Element, "created_at"),
            ["updated_at"] = Get(r.Element, "updated_at"),
            ["channel"] = VendorJson.Map(Get(r.Element, "source"), Sources),
            ["priority"] = VendorJson.Map(Get(r.Element, "priority"), Priorities),
            ["status"] = VendorJson.Map(Get(r.Element, "status"), Statuses),
            ["category"] = Get(r.Element, "type"),
            ["agent_id"] = Get(r.Element, "responder_id"),
            ["first_response_at"] = Get(r.Element, "stats.first_responded_at"),
            ["solved_at"] = Get(r.Element, "stats.resolved_at"),
            ["closed_at"] = Get(r.Element, "stats.closed_at"),
            ["escalated"] = Get(r.Element, "is_escalated"),
        }, null));

    public static IEnumerable<ConvertedRecord> SatisfactionRatings(IEnumerable<(JsonRecord? Record, RowError? Error)> records) =>
        VendorJson.Each(records, r => new ConvertedRecord(r.Line, new Dictionary<string, string?>
        {
            ["response_id"] = Get(r.Element, "id"),
            ["ticket_id"] = Get(r.Element, "ticket_id"),
            ["responded_at"] = Get(r.Element, "created_at"),
            ["updated_at"] = Get(r.Element, "updated_at"),
            ["score"] = VendorJson.Map(Get(r.Element, "ratings.default_question"), Ratings),
            ["comment"] = Get(r.Element, "feedback"),
        }, null));

    private static string? Get(JsonElement e, string path) => VendorJson.Get(e, path);
}

/// <summary>
/// Statuspage v2 incidents (<c>{"incident": ...}</c>, <c>{"incidents": [...]}</c> or bare objects): impact becomes
/// severity (critical 1, major 2, minor 3, none/maintenance 4), the first public update is both the acknowledgement and
/// the first client communication, the affected components (objects with a name) are listed in order, as a list (the
/// incident's component is the first), and a status-page incident hits every client (<c>*</c>).
/// </summary>
internal static class StatuspageJson
{
    public static readonly IReadOnlySet<string> Wrappers = new HashSet<string> { "incident", "incidents" };

    private static readonly Dictionary<string, string> Severities = new() { ["critical"] = "1", ["major"] = "2", ["minor"] = "3", ["none"] = "4", ["maintenance"] = "4" };

    public static IEnumerable<ConvertedRecord> Incidents(IEnumerable<(JsonRecord? Record, RowError? Error)> records) =>
        VendorJson.Each(records, r =>
        {
            var e = r.Element;
            var firstUpdate = e.TryGetProperty("incident_updates", out var updates) && updates.ValueKind == JsonValueKind.Array
                ? updates.EnumerateArray()
                    .Select(u => Get(u, "display_at") ?? Get(u, "created_at"))
                    .Where(t => t is not null)
                    .OrderBy(t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MaxValue)
                    .FirstOrDefault()
                : null;
            return new ConvertedRecord(r.Line, new Dictionary<string, string?>
            {
                ["incident_id"] = Get(e, "id"),
                ["severity"] = VendorJson.Map(Get(e, "impact"), Severities),
                ["title"] = Get(e, "name"),
                ["component"] = Components(e),
                ["started_at"] = Earliest(Get(e, "started_at") ?? Get(e, "created_at"), firstUpdate),
                ["acknowledged_at"] = firstUpdate,
                ["first_update_at"] = firstUpdate,
                ["resolved_at"] = Get(e, "resolved_at"),
                ["affected_clients"] = "*",
                ["updated_at"] = Get(e, "updated_at"),
            }, null);
        });

    /// <summary>
    /// The incident's start, or its first public update where that is earlier: a page admin may edit started_at after the
    /// fact, and on GitHub's page 5 of 942 incidents say they started hours or days after their first post (one after it
    /// was resolved). The incident was going on when it was first posted, so the post bounds its start.
    /// </summary>
    private static string? Earliest(string? startedAt, string? firstUpdate) =>
        Instant(startedAt) is { } started && Instant(firstUpdate) is { } posted && posted < started ? firstUpdate : startedAt;

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Components(JsonElement incident)
    {
        if (!incident.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var names = components.EnumerateArray().Select(c => Get(c, "name")).OfType<string>().Distinct().ToList();
        // Joined as a JSON list is, so a name holding ; or , stays one component.
        return names.Count == 0 ? null : string.Join(JsonFlattener.ListSeparator, names);
    }

    private static string? Get(JsonElement e, string path) => VendorJson.Get(e, path);
}
