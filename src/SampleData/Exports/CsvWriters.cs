using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using NodaTime;
using NodaTime.Text;
using SupportLens.SampleData.Contacts;
using SupportLens.SampleData.Incidents;
using SupportLens.SampleData.Scale;
using SupportLens.SampleData.Surveys;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Exports;

/// <summary>
/// Writes the generic files of DESIGN.md §3. Fields are written one by one (no reflection mapping) so the column order
/// is the documented one and streaming millions of rows stays cheap. UTF-8 without BOM, "\n" line ends, invariant culture:
/// the bytes must not depend on the machine.
/// </summary>
internal static class CsvWriters
{
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
        Injection = CsvInjection.None,
    };

    internal static CsvWriter Open(string path)
    {
        Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            stream = new GZipStream(stream, CompressionLevel.SmallestSize);
        }
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        return CsvWriter.Create(writer, Options);
    }

    internal static void Header(CsvWriter csv, params string[] names)
    {
        foreach (var name in names)
        {
            csv.WriteField(name);
        }
        csv.EndRecord();
    }

    /// <summary>ISO-8601 UTC with Z, to the second.</summary>
    internal static string Iso(Instant t) => t.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Iso(Instant? t) => t is { } value ? Iso(value) : "";

    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Iso(DateTimeOffset? t) => t is { } value ? Iso(value) : "";

    internal static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static int Clients(string path, IEnumerable<ClientRow> clients)
    {
        using var csv = Open(path);
        Header(csv, "client_id", "name", "tier", "timezone", "region", "success_manager", "contract_start", "renewal_date", "mrr", "churned_on");
        var rows = 0;
        foreach (var c in clients)
        {
            csv.WriteField(c.ClientId);
            csv.WriteField(c.Name);
            csv.WriteField(c.Tier);
            csv.WriteField(c.TimeZone);
            csv.WriteField(c.Region);
            csv.WriteField(c.SuccessManager);
            csv.WriteField(Date(c.ContractStart));
            csv.WriteField(Date(c.RenewalDate));
            csv.WriteField(c.Mrr.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(c.ChurnedOn is { } churned ? Date(churned) : "");
            csv.EndRecord();
            rows++;
        }
        return rows;
    }

    internal static readonly string[] TicketColumns =
    [
        "ticket_id", "client_id", "created_at", "channel", "priority", "status", "category", "support_level", "agent_id",
        "first_response_at", "solved_at", "closed_at", "updated_at", "agent_replies", "reopens", "escalated",
    ];

    /// <summary>Streams tickets as they come; <paramref name="observe"/> sees each one (progress of a large file).</summary>
    internal static long Tickets(string path, IEnumerable<TicketRow> tickets, Action<TicketRow>? observe = null)
    {
        using var csv = Open(path);
        Header(csv, TicketColumns);
        var rows = 0L;
        foreach (var t in tickets)
        {
            csv.WriteField(t.TicketId);
            csv.WriteField(t.ClientId);
            csv.WriteField(Iso(t.CreatedAt));
            csv.WriteField(t.Channel);
            csv.WriteField(t.Priority);
            csv.WriteField(t.Status);
            csv.WriteField(t.Category);
            csv.WriteField(t.SupportLevel switch { 1 => "1", 2 => "2", _ => "3" });
            csv.WriteField(t.AgentId ?? "");
            csv.WriteField(Iso(t.FirstResponseAt));
            csv.WriteField(Iso(t.SolvedAt));
            csv.WriteField(Iso(t.ClosedAt));
            csv.WriteField(Iso(t.UpdatedAt));
            csv.WriteField(Number(t.AgentReplies));
            csv.WriteField(Number(t.Reopens));
            csv.WriteField(t.Escalated ? "true" : "false");
            csv.EndRecord();
            rows++;
            observe?.Invoke(t);
        }
        return rows;
    }

    internal static long TicketEvents(string path, IEnumerable<SampleTicket> tickets)
    {
        using var csv = Open(path);
        Header(csv, "ticket_id", "occurred_at", "event", "value");
        var rows = 0L;
        foreach (var t in tickets)
        {
            foreach (var e in t.Events)
            {
                csv.WriteField(t.Id);
                csv.WriteField(Iso(e.At));
                csv.WriteField(e.Event);
                csv.WriteField(e.Value);
                csv.EndRecord();
                rows++;
            }
        }
        return rows;
    }

    internal static long Csat(string path, IEnumerable<CsatResponse> responses)
    {
        using var csv = Open(path);
        Header(csv, "response_id", "ticket_id", "client_id", "responded_at", "score", "comment");
        var rows = 0L;
        foreach (var r in responses)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.Ticket.Id);
            csv.WriteField(r.Ticket.Client.Id);
            csv.WriteField(Iso(r.RespondedAt));
            csv.WriteField(Number(r.Score));
            csv.WriteField(r.Comment);
            csv.EndRecord();
            rows++;
        }
        return rows;
    }

    internal static long Nps(string path, IEnumerable<NpsResponse> responses)
    {
        using var csv = Open(path);
        Header(csv, "response_id", "client_id", "respondent", "responded_at", "score", "comment");
        var rows = 0L;
        foreach (var r in responses)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.Client.Id);
            csv.WriteField(r.Respondent);
            csv.WriteField(Iso(r.RespondedAt));
            csv.WriteField(Number(r.Score));
            csv.WriteField(r.Comment);
            csv.EndRecord();
            rows++;
        }
        return rows;
    }

    /// <summary>Incidents as the history's end sees them: timestamps still in the future are left empty.</summary>
    internal static long Incidents(string path, IEnumerable<SampleIncident> incidents, Instant end)
    {
        using var csv = Open(path);
        Header(csv, "incident_id", "severity", "title", "component", "started_at", "acknowledged_at", "first_update_at", "resolved_at", "affected_clients");
        var rows = 0L;
        foreach (var i in incidents)
        {
            csv.WriteField(i.Id);
            csv.WriteField(Number(i.Severity));
            csv.WriteField(i.Title);
            csv.WriteField(i.Component.Code);
            csv.WriteField(Iso(i.Started));
            csv.WriteField(i.Acknowledged < end ? Iso(i.Acknowledged) : "");
            csv.WriteField(i.FirstUpdate < end ? Iso(i.FirstUpdate) : "");
            csv.WriteField(i.Resolved < end ? Iso(i.Resolved) : "");
            csv.WriteField(i.AffectsAll ? "*" : string.Join(';', i.AffectedClients));
            csv.EndRecord();
            rows++;
        }
        return rows;
    }

    internal static long Checks(string path, IEnumerable<Check> checks)
    {
        using var csv = Open(path);
        Header(csv, "component", "checked_at", "ok", "latency_ms", "client_id");
        var rows = 0L;
        foreach (var c in checks)
        {
            csv.WriteField(c.Component.Code);
            csv.WriteField(Iso(c.CheckedAt));
            csv.WriteField(c.Ok ? "true" : "false");
            csv.WriteField(c.LatencyMs is { } ms ? Number(ms) : "");
            csv.WriteField("");
            csv.EndRecord();
            rows++;
        }
        return rows;
    }

    private static readonly OffsetDateTimePattern IntervalStart =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");

    /// <summary>
    /// Interval volume as contact-centre platforms export it: local interval starts with their UTC offset (the reporting
    /// zone's, where the support organisation's account is set up), one row per interval, channel and client with contacts.
    /// </summary>
    internal static long Volume(string path, IEnumerable<IntervalVolume> intervals)
    {
        using var csv = Open(path);
        Header(csv, "interval_start", "interval_minutes", "channel", "client_id", "offered", "handled", "abandoned",
            "avg_handle_seconds", "avg_wait_seconds", "service_level_pct");
        var zone = SupportPlan.ReportingZone;
        var minutes = Number(ContactCentre.IntervalMinutes);
        var rows = 0L;
        foreach (var v in intervals)
        {
            csv.WriteField(IntervalStart.Format(v.IntervalStart.InZone(zone).ToOffsetDateTime()));
            csv.WriteField(minutes);
            csv.WriteField(v.Channel);
            csv.WriteField(v.ClientId);
            csv.WriteField(Number(v.Offered));
            csv.WriteField(Number(v.Handled));
            csv.WriteField(Number(v.Abandoned));
            csv.WriteField(v.AvgHandleSeconds is { } handle ? Number((long)Math.Round(handle)) : "");
            csv.WriteField(v.AvgWaitSeconds is { } wait ? Math.Round(wait, 1).ToString("0.0", CultureInfo.InvariantCulture) : "");
            csv.WriteField(v.ServiceLevelPct is { } level ? Math.Round(level, 1).ToString("0.0", CultureInfo.InvariantCulture) : "");
            csv.EndRecord();
            rows++;
        }
        return rows;
    }
}
