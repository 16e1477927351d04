using System.Globalization;
using CsvHelper;
using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Surveys;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Exports;

/// <summary>
/// The same tickets as a Zendesk ticket CSV export (header from data/README.md, then two custom fields), so the
/// `zendesk` profile is exercised on the facts of the generic files. Zendesk's export has no time zone in its dates:
/// the account's zone here is UTC, so ingest it with `--timezone UTC` (the default).
/// </summary>
internal sealed class ZendeskExport
{
    internal static readonly string[] Header =
    [
        "Summation column", "Id", "Requester", "Requester id", "Requester external id", "Requester email", "Requester domain",
        "Submitter", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via", "Ticket type", "Created at", "Updated at",
        "Assigned at", "Organization", "Due date", "Initially assigned at", "Solved at", "Resolution time", "Satisfaction Score",
        "Group stations", "Assignee stations", "Reopens", "Replies", "First reply time in minutes",
        "First reply time in minutes within business hours", "First resolution time in minutes",
        "First resolution time in minutes within business hours", "Full resolution time in minutes",
        "Full resolution time in minutes within business hours", "Agent wait time in minutes",
        "Agent wait time in minutes within business hours", "Requester wait time in minutes",
        "Requester wait time in minutes within business hours", "On hold time in minutes", "On hold time in minutes within business hours",
    ];

    /// <summary>Custom fields, after the standard columns as Zendesk appends them: how the profile finds our client ids.</summary>
    internal static readonly string[] CustomFields = ["Client [list]", "Category [list]"];

    /// <summary>Zendesk ticket ids are numbers; ours map as T-000123 → 100123.</summary>
    internal const long IdOffset = 100000;

    private static readonly string[] FirstNames = ["Jordan", "Casey", "Morgan", "Taylor", "Riley", "Jamie", "Avery", "Quinn", "Harper", "Rowan", "Skyler", "Emerson", "Parker", "Reese", "Dakota", "Sage"];
    private static readonly string[] LastNames = ["Miller", "Garcia", "Brown", "Wilson", "Clark", "Lewis", "Young", "Hall", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson"];

    private static readonly Dictionary<string, string[]> Subjects = new(StringComparer.Ordinal)
    {
        ["how-to"] = ["How do I change the greeting of our voice agent?", "Set up after-hours routing", "Add a new listing script", "How to export call transcripts"],
        ["call-quality"] = ["Callers hear an echo", "Voice agent cuts callers off", "Robotic voice on some calls", "Long pauses before the agent answers"],
        ["call-routing"] = ["Calls not transferring to our agents", "Wrong office receives the calls", "Voicemail not triggered after hours"],
        ["integration"] = ["Leads not appearing in our CRM", "Calendar booking integration fails", "Webhook returns 401", "MLS feed not updating listings"],
        ["bug"] = ["Error when saving agent settings", "Dashboard shows wrong call count", "Transcripts missing for yesterday", "Export button does nothing"],
        ["billing"] = ["Question about our invoice", "Update payment method", "Charged twice this month"],
        ["account"] = ["Add a user to our account", "Reset two-factor for a colleague", "Remove a former agent's access"],
        ["feature-request"] = ["Can the agent speak Spanish?", "Request: SMS follow-up after calls", "Request: weekly summary email"],
        ["outage"] = ["Calls not being answered!", "Platform down?", "Voice agents offline for our office", "Urgent: leads not syncing"],
    };

    private readonly CsvWriter _csv;
    private readonly Instant _end;
    private readonly IReadOnlyDictionary<long, CsatResponse> _csat;
    private readonly Prng _rng;
    private readonly Dictionary<string, List<(long Id, string Name, string Email)>> _contacts = new(StringComparer.Ordinal);

    internal ZendeskExport(string path, Instant end, IReadOnlyList<CsatResponse> csat, Prng rng)
    {
        _csv = CsvWriters.Open(path);
        _end = end;
        _csat = csat.ToDictionary(r => r.Ticket.Number);
        _rng = rng;
        CsvWriters.Header(_csv, [.. Header, .. CustomFields]);
    }

    internal long Rows { get; private set; }

    internal void Write(SampleTicket t)
    {
        var contact = Contact(t.Client);
        var calendar = t.Sla.Calendar;
        var until = t.IsSolved && t.Solved is { } s ? s : _end;
        var pending = TicketSla.WallPaused(t, until, "pending");
        var onHold = TicketSla.WallPaused(t, until, "on_hold");
        var pendingBusiness = TicketSla.Paused(t, until, "pending");
        var onHoldBusiness = TicketSla.Paused(t, until, "on_hold");
        var assignedAt = t.Events.FirstOrDefault(e => e.Event == "assignment")?.At ?? t.FirstResponse;

        _csv.WriteField("");
        _csv.WriteField(CsvWriters.Number(IdOffset + t.Number));
        _csv.WriteField(contact.Name);
        _csv.WriteField(CsvWriters.Number(contact.Id));
        _csv.WriteField("");
        _csv.WriteField(contact.Email);
        _csv.WriteField(t.Client.Domain);
        _csv.WriteField(contact.Name);
        _csv.WriteField(t.Agent?.Name ?? "");
        _csv.WriteField($"Support L{t.Level}");
        _csv.WriteField(_rng.Pick(Subjects[t.Category]));
        _csv.WriteField(string.Join(' ', new[] { t.Client.Tier.Name(), t.Category.Replace('-', '_'), t.Channel }.Concat(t.IncidentDriven ? ["incident"] : [])));
        _csv.WriteField(t.Status switch { "new" => "New", "open" => "Open", "pending" => "Pending", "on_hold" => "Hold", "solved" => "Solved", _ => "Closed" });
        _csv.WriteField(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(t.Priority));
        _csv.WriteField(t.Channel switch { "email" => "Mail", "chat" => "Chat", "phone" => "Phone call (inbound)", "web" => "Web form", _ => "API" });
        _csv.WriteField(t.Category switch { "outage" => "Incident", "bug" => "Problem", "feature-request" => "Task", _ => "Question" });
        _csv.WriteField(Local(t.Created));
        _csv.WriteField(Local(t.Updated));
        _csv.WriteField(Local(t.Escalated ? assignedAt : t.FirstResponse));
        _csv.WriteField(t.Client.Name);
        _csv.WriteField("");
        _csv.WriteField(Local(t.FirstResponse));
        _csv.WriteField(Local(t.Solved));
        _csv.WriteField(t.Solved is { } solvedAt ? CsvWriters.Number((long)Math.Round((solvedAt - t.Created).TotalHours)) : "");
        _csv.WriteField(!t.IsSolved ? "Not Offered" : _csat.TryGetValue(t.Number, out var r) ? (r.Good ? "Good" : "Bad") : "Offered");
        var stations = t.Escalated ? "2" : "1";
        _csv.WriteField(t.FirstResponse is null ? "0" : stations);
        _csv.WriteField(t.FirstResponse is null ? "0" : stations);
        _csv.WriteField(CsvWriters.Number(t.Reopens));
        _csv.WriteField(CsvWriters.Number(t.AgentReplies));
        _csv.WriteField(Minutes(t.FirstResponse is { } fr ? fr - t.Created : null));
        _csv.WriteField(Minutes(t.FirstResponse is { } fr2 ? calendar.BusinessTimeBetween(t.Created, fr2) : null));
        _csv.WriteField(Minutes(t.FirstSolved is { } fs && t.IsSolved ? fs - t.Created : null));
        _csv.WriteField(Minutes(t.FirstSolved is { } fs2 && t.IsSolved ? calendar.BusinessTimeBetween(t.Created, fs2) : null));
        _csv.WriteField(Minutes(t.Solved is { } full ? full - t.Created : null));
        _csv.WriteField(Minutes(t.Solved is { } full2 ? calendar.BusinessTimeBetween(t.Created, full2) : null));
        _csv.WriteField(Minutes(pending));
        _csv.WriteField(Minutes(pendingBusiness));
        _csv.WriteField(Minutes((until - t.Created) - pending));
        _csv.WriteField(Minutes(calendar.BusinessTimeBetween(t.Created, until) - pendingBusiness));
        _csv.WriteField(Minutes(onHold));
        _csv.WriteField(Minutes(onHoldBusiness));
        _csv.WriteField(t.Client.Id);
        _csv.WriteField(t.Category);
        _csv.EndRecord();
        Rows++;
    }

    internal void Close() => _csv.Dispose();

    private (long Id, string Name, string Email) Contact(SampleClient client)
    {
        if (!_contacts.TryGetValue(client.Id, out var list))
        {
            list = [];
            var count = client.Tier switch { SupportTier.Starter => 2, SupportTier.Professional => 4, SupportTier.Business => 7, _ => 12 };
            for (var i = 0; i < count; i++)
            {
                var first = _rng.Pick(FirstNames);
                var last = _rng.Pick(LastNames);
                var id = 360000000000L + int.Parse(client.Id.AsSpan(2), CultureInfo.InvariantCulture) * 100 + i;
                list.Add((id, $"{first} {last}", $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{client.Domain}"));
            }
            _contacts[client.Id] = list;
        }
        return _rng.Pick(list);
    }

    private static string Local(Instant? t) =>
        t is { } value ? value.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static string Minutes(Duration? d) => d is { } value ? CsvWriters.Number((long)Math.Round(Math.Max(0, value.TotalMinutes))) : "";
}
