using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Sql;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health;

/// <summary>
/// The <see cref="ClientHealthInputs"/> of every active client on every day of a range, in one SQL query, each as it was
/// known at the end of that day (days cut in the reporting time zone). Definitions are the metrics' (README
/// "Metrics"): CSAT good / answered; NPS promoters − detractors; one-touch FCR over solved tickets with replies and
/// reopens known; escalations over tickets whose export says; reopens over solved tickets with a known count; SLA
/// achieved / breached from the ticket_sla ledger. What a day could not know is left out: a ticket counts as solved
/// from its solve, as escalated from its first escalation event (from its creation when the export has no events), an
/// SLA target as achieved from its completion and as breached from its deadline. Volume spikes are the days the spikes
/// table flagged the client's whole volume as unusually high, over the days its detector scanned; the detector judges a
/// day against the weeks on both sides of it, so that one component of a past day's score knows a few weeks more. It
/// scans only the clients that have not left, so spikes are measured on a day only when every client active that day
/// was scanned (on the data horizon's day, always); otherwise the future churners would be the clients without them.
/// </summary>
/// <remarks>
/// Every fact is an item (a ticket, an answer, an SLA target, an incident) that belongs to a day's window from one day
/// to another: a ticket created on day c and known escalated on day e is in the escalated count of days max(c, e) to
/// c + window − 1. So each item writes +1 on its first day and −1 on the day after its last, and a running sum per
/// client over the days gives every day's counts at once. Items of the same client, days and kind are counted together
/// first, so the cost is one pass over the rows and a few deltas per client-day, never a query per client-day.
/// </remarks>
public sealed class HealthInputsQuery(HealthSettings settings, DateTimeZone zone)
{
    // The facts, in the order of the pivoted columns.
    private static readonly string[] Measures =
    [
        "tickets", "baseline", "esc_known", "esc_yes", "fcr_known", "fcr_yes", "reopen_known", "reopen_yes",
        "csat_total", "csat_good", "nps_pro", "nps_pas", "nps_det", "nps_prev_pro", "nps_prev_pas", "nps_prev_det",
        "sla_achieved", "sla_breached", "sla_breached_urgent", "sev1", "sev2", "sev3", "sev4", "spike_days",
    ];

    /// <summary>
    /// The inputs of each client on each day from <paramref name="from"/> to <paramref name="to"/> on which it was active
    /// (<see cref="ClientAccount.IsActiveOn"/>), ordered by client and day. Clients missing from
    /// <paramref name="clients"/> are skipped.
    /// </summary>
    public ImmutableArray<ClientHealthInputs> Read(
        WarehouseConnection connection, IReadOnlyDictionary<string, ClientAccount> clients, LocalDate from, LocalDate to)
    {
        var inputs = ImmutableArray.CreateBuilder<ClientHealthInputs>();
        var scope = new HealthScope(null, from, to, HealthGlobals.Read(connection, zone));
        foreach (var row in ReadRows(connection, scope, sinceFirst: true))
        {
            if (clients.TryGetValue(row.ClientId, out var client))
            {
                inputs.Add(row.ToInputs(client, settings));
            }
        }
        return inputs.ToImmutable();
    }

    /// <summary>The position of each fact in <see cref="HealthInputsRow.Measures"/>.</summary>
    internal static int MeasureIndex(string measure) => Array.IndexOf(Measures, measure);

    /// <summary>The facts' names, in the order of <see cref="HealthInputsRow.Measures"/> (and columns of <c>health_inputs</c>).</summary>
    internal static IReadOnlyList<string> MeasureNames => Measures;

    /// <summary>
    /// The raw facts of the scope's clients (all of them without a set) on each active day of the scope, ordered by client
    /// and day, streamed. Only the items whose windows reach the scope's first day are read (pruned by zone maps on their
    /// instants) unless <paramref name="sinceFirst"/> says that the scope starts with the history: then all are.
    /// </summary>
    internal IEnumerable<HealthInputsRow> ReadRows(WarehouseConnection connection, HealthScope scope, bool sinceFirst = false)
    {
        if (scope.To < scope.From || scope.Clients is { Count: 0 })
        {
            yield break;
        }
        using var command = connection.CreateCommand(Sql(scope, sinceFirst));
        command.Parameters.Add("zone", zone.Id).Add("from", scope.From.ToDateOnly()).Add("to", scope.To.ToDateOnly());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var measures = new long[Measures.Length];
            for (var i = 0; i < Measures.Length; i++)
            {
                measures[i] = reader.IsDBNull(3 + i) ? 0 : Convert.ToInt64(reader.GetValue(3 + i), CultureInfo.InvariantCulture);
            }
            yield return new HealthInputsRow(
                reader.GetString(0),
                LocalDate.FromDateOnly(reader.GetDateOnly(1)),
                scope.Globals.FirstNpsDay,
                scope.Globals.IncidentData,
                reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                measures);
        }
    }

    /// <summary>
    /// Per client, the first day from <paramref name="from"/> on whose volume-spike facts differ from those stored in
    /// <c>health_inputs</c>: the spikes table is rewritten whole, and the detector's verdicts on past weeks move with new
    /// data. Cheap: it reads only the spikes, the scans and the clients.
    /// </summary>
    internal Dictionary<string, LocalDate> SpikeChanges(WarehouseConnection connection, LocalDate from, LocalDate to)
    {
        var t = settings.TicketWindowDays;
        using var command = connection.CreateCommand($$"""
            WITH
            {{SpikeSources(null, from)}},
            deltas AS ({{Item("sp", "c", "c", t, "spike_days")}}),
            running AS (
                SELECT client_id, day, sum(v) OVER (PARTITION BY client_id ORDER BY day ROWS UNBOUNDED PRECEDING) AS spike_days
                FROM (SELECT client_id, day, sum(v) AS v FROM deltas GROUP BY ALL)),
            {{GridSql(null)}},
            fresh AS (
                SELECT g.client_id, g.day, {{Observed(t)}} AS observed, coalesce(CAST(r.spike_days AS BIGINT), 0) AS spike_days
                FROM grid g
                LEFT JOIN observed o ON o.day = g.day
                LEFT JOIN scans sc ON sc.client_id = g.client_id
                ASOF LEFT JOIN running r ON r.client_id = g.client_id AND r.day <= g.day)
            SELECT f.client_id, min(f.day)
            FROM fresh f JOIN health_inputs h ON h.client_id = f.client_id AND h.as_of = f.day
            WHERE h.spike_days_observed IS DISTINCT FROM f.observed OR h.spike_days IS DISTINCT FROM f.spike_days
            GROUP BY ALL
            """);
        command.Parameters.Add("zone", zone.Id).Add("from", from.ToDateOnly()).Add("to", to.ToDateOnly());
        using var reader = command.ExecuteReader();
        var changes = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        while (reader.Read())
        {
            changes[reader.GetString(0)] = LocalDate.FromDateOnly(reader.GetDateOnly(1));
        }
        return changes;
    }

    private string Sql(HealthScope scope, bool sinceFirst)
    {
        var t = settings.TicketWindowDays;
        var s = settings.SurveyWindowDays;
        var i = settings.IncidentWindowDays;
        var b = settings.VolumeBaselineDays;
        var items = new List<string>
        {
            // Tickets by creation: the window's volume, and the baseline window just before it.
            Item("tb", "c", "c", t, "tickets"),
            Item("tb", "c + " + t, "c + " + t, b, "baseline"),
            Item("tk", "c", "c", t, "esc_known", "escalated IS NOT NULL"),
            Item("tk", "c", "coalesce(e, c)", t, "esc_yes", "escalated"),
            // Solved tickets by solve day.
            Item("tk", "d", "d", t, "fcr_known", "d IS NOT NULL AND fcr_known"),
            Item("tk", "d", "d", t, "fcr_yes", "d IS NOT NULL AND one_touch"),
            Item("tk", "d", "d", t, "reopen_known", "d IS NOT NULL AND reopen_known"),
            Item("tk", "d", "d", t, "reopen_yes", "d IS NOT NULL AND reopened"),
            Item("cs", "r", "r", s, "csat_total"),
            Item("cs", "r", "r", s, "csat_good", "good"),
            Item("np", "r", "r", s, "nps_pro", "score >= 9"),
            Item("np", "r", "r", s, "nps_pas", "score BETWEEN 7 AND 8"),
            Item("np", "r", "r", s, "nps_det", "score <= 6"),
            Item("np", "r + " + s, "r + " + s, s, "nps_prev_pro", "score >= 9"),
            Item("np", "r + " + s, "r + " + s, s, "nps_prev_pas", "score BETWEEN 7 AND 8"),
            Item("np", "r + " + s, "r + " + s, s, "nps_prev_det", "score <= 6"),
            // SLA targets by the ticket's creation, from the day their outcome was known.
            Item("sl", "c", "k", t, "sla_achieved", "outcome = 'achieved'"),
            Item("sl", "c", "k", t, "sla_breached", "outcome = 'breached'"),
            Item("sl", "c", "k", t, "sla_breached_urgent", "outcome = 'breached' AND urgent"),
        };
        for (var severity = 1; severity <= 4; severity++)
        {
            items.Add(Item("inc", "c", "c", i, "sev" + severity, "severity = " + severity));
        }
        // Days the client's whole volume spiked up, by the spikes table (a derived table refreshed before this one).
        items.Add(Item("sp", "c", "c", t, "spike_days"));

        var pivot = string.Join(",\n    ", Measures.Select(m => $"sum(v) FILTER (WHERE m = '{m}') AS {m}"));
        var running = string.Join(",\n    ", Measures.Select(m => $"sum({m}) OVER w AS {m}"));
        var totals = string.Join(",\n    ", Measures.Select(m => m.StartsWith("sev", StringComparison.Ordinal)
            ? $"CAST(coalesce(r.{m}, 0) + coalesce(a.{m}, 0) AS BIGINT)"
            : $"CAST(r.{m} AS BIGINT)"));

        // An item counts on days up to its start plus its window (the baseline: the ticket window and the baseline after
        // creation; the earlier NPS window: two survey windows): items that ended before the scope's first day add and
        // take away nothing there, so only those that reach it are read. A day's slack absorbs the cut between zones.
        var from = scope.From;
        string? Since(int days) => sinceFirst ? null : SqlInstant.Literal(from.PlusDays(-days - 1).AtStartOfDayInZone(zone).ToDateTimeOffset());
        var clientIn = ClientFilter(scope.Clients);
        // Tickets by creation alone (the window's volume and the baseline) reach furthest back, but need two columns;
        // the rest of a ticket's facts only the ticket window from its creation or its solve.
        var created = Since(t + b);
        var recent = Since(t);
        var tickets = recent is null
            ? $"SELECT * FROM tickets WHERE true{clientIn("client_id")}"
            : $"""
              SELECT * FROM tickets WHERE created_at >= {recent}{clientIn("client_id")}
                  UNION ALL
                  SELECT * FROM tickets WHERE created_at < {recent} AND solved_at >= {recent}{clientIn("client_id")}
                  UNION ALL
                  SELECT * FROM tickets WHERE created_at < {recent} AND solved_at IS NULL AND closed_at >= {recent}{clientIn("client_id")}
              """;
        var byCreation = created is null
            ? "SELECT client_id, c, sum(n) AS n FROM tk GROUP BY ALL"
            : $"""
              SELECT client_id, CAST(timezone($zone, created_at) AS DATE) AS c, count(*) AS n
                  FROM tickets WHERE created_at >= {created}{clientIn("client_id")} GROUP BY ALL
              """;
        string After(string column, string? since) => since is null ? "" : $" AND {column} >= {since}";
        var slaSince = Since(t);

        return $$"""
            WITH
            esc AS (
                SELECT source, ticket_id, min(occurred_at) AS escalated_at FROM ticket_events WHERE event = 'escalation' GROUP BY ALL),
            -- Every source is first counted per client, day and kind (n), so the deltas are a few per client-day
            -- however many tickets there are.
            tk AS MATERIALIZED (
                SELECT client_id, c, d, e, escalated, fcr_known, one_touch, reopen_known, reopened, count(*) AS n
                FROM (
                    SELECT t.client_id,
                           CAST(timezone($zone, t.created_at) AS DATE) AS c,
                           CASE WHEN t.status IN ('solved', 'closed')
                                THEN CAST(timezone($zone, coalesce(t.solved_at, t.closed_at)) AS DATE) END AS d,
                           CAST(timezone($zone, x.escalated_at) AS DATE) AS e,
                           t.escalated,
                           t.agent_replies IS NOT NULL AND t.reopens IS NOT NULL AS fcr_known,
                           coalesce(t.agent_replies <= 1 AND t.reopens = 0, false) AS one_touch,
                           t.reopens IS NOT NULL AS reopen_known,
                           coalesce(t.reopens > 0, false) AS reopened
                    FROM ({{tickets}}) t LEFT JOIN esc x ON x.source = t.source AND x.ticket_id = t.ticket_id)
                GROUP BY ALL),
            tb AS ({{byCreation}}),
            cs AS (
                SELECT client_id, CAST(timezone($zone, responded_at) AS DATE) AS r, good, count(*) AS n FROM csat_responses
                WHERE true{{clientIn("client_id")}}{{After("responded_at", Since(s))}} GROUP BY ALL),
            np AS MATERIALIZED (
                SELECT client_id, CAST(timezone($zone, responded_at) AS DATE) AS r, score, count(*) AS n FROM nps_responses
                WHERE true{{clientIn("client_id")}}{{After("responded_at", Since(2 * s))}} GROUP BY ALL),
            -- Whether a target's ticket is urgent, by a semi-join with the few urgent tickets (not a join with them all).
            urgent AS (
                SELECT source, ticket_id FROM tickets
                WHERE priority = 'urgent'{{clientIn("client_id")}}{{After("created_at", slaSince)}}),
            sla AS (
                SELECT s.*, EXISTS (SELECT 1 FROM urgent u WHERE u.source = s.source AND u.ticket_id = s.ticket_id) AS urgent
                FROM ticket_sla s WHERE true{{clientIn("s.client_id")}}{{After("s.created_at", slaSince)}}),
            targets AS (
                -- Achieved when done by the deadline (known then); breached once the deadline passed undone (known then).
                SELECT client_id, created_at, urgent,
                       CASE WHEN first_response_done_at <= first_response_due THEN 'achieved'
                            WHEN first_response_done_at > first_response_due OR first_response_due < evaluated_at THEN 'breached'
                       END AS outcome,
                       CASE WHEN first_response_done_at <= first_response_due THEN first_response_done_at ELSE first_response_due END AS known_at
                FROM sla
                UNION ALL
                SELECT client_id, created_at, urgent,
                       CASE WHEN resolution_done_at <= resolution_due THEN 'achieved'
                            WHEN resolution_done_at > resolution_due
                              OR (resolution_done_at IS NULL AND NOT resolution_paused AND resolution_due < evaluated_at) THEN 'breached'
                       END,
                       CASE WHEN resolution_done_at <= resolution_due THEN resolution_done_at ELSE resolution_due END
                FROM sla),
            sl AS (
                SELECT client_id, CAST(timezone($zone, created_at) AS DATE) AS c, coalesce(urgent, false) AS urgent, outcome,
                       CAST(timezone($zone, known_at) AS DATE) AS k, count(*) AS n
                FROM targets WHERE outcome IS NOT NULL GROUP BY ALL),
            inc AS (
                -- Incidents that named the client; those that hit everybody have no client and count for all.
                SELECT client_id, c, severity, count(*) AS n FROM (
                    SELECT ic.client_id, CAST(timezone($zone, i.started_at) AS DATE) AS c, i.severity
                    FROM incidents i JOIN incident_clients ic ON ic.source = i.source AND ic.incident_id = i.incident_id
                    WHERE NOT i.affects_all{{clientIn("ic.client_id")}}{{After("i.started_at", Since(i))}}
                    UNION ALL
                    SELECT NULL, CAST(timezone($zone, started_at) AS DATE), severity FROM incidents
                    WHERE affects_all{{After("started_at", Since(i))}})
                GROUP BY ALL),
            {{SpikeSources(scope.Clients, sinceFirst ? null : from.PlusDays(-t - 1))}},
            deltas AS (
            {{string.Join("\n    UNION ALL\n    ", items)}}),
            daily AS (
                SELECT client_id, day,
                {{pivot}}
                FROM deltas GROUP BY ALL),
            running AS (
                SELECT client_id, day,
                {{running}}
                FROM daily
                WINDOW w AS (PARTITION BY client_id ORDER BY day ROWS UNBOUNDED PRECEDING)),
            own AS (SELECT * FROM running WHERE client_id IS NOT NULL),
            everyone AS (SELECT * FROM running WHERE client_id IS NULL),
            {{GridSql(scope.Clients)}}
            SELECT g.client_id, g.day,
                   -- Days of the ticket window the spike detector looked at. NULL (not measured) on a day when any client
                   -- active then was never scanned: the detector scans only clients that have not left, so measuring the
                   -- others alone would tell the future churners apart by a component they lack.
                   {{Observed(t)}},
                   {{totals}}
            FROM grid g
            LEFT JOIN observed o ON o.day = g.day
            LEFT JOIN scans sc ON sc.client_id = g.client_id
            ASOF LEFT JOIN own r ON r.client_id = g.client_id AND r.day <= g.day
            ASOF LEFT JOIN everyone a ON a.day <= g.day
            ORDER BY g.client_id, g.day
            """;
    }

    /// <summary>The spikes and the detector's scans of the clients' whole volume (channel all), from a day on.</summary>
    private static string SpikeSources(IReadOnlyCollection<string>? clients, LocalDate? since)
    {
        var clientIn = ClientFilter(clients);
        var after = since is { } day ? $" AND day >= DATE '{day:uuuu-MM-dd}'" : "";
        return $"""
            sp AS (
                SELECT client_id, day AS c, count(*) AS n FROM spikes
                WHERE channel = '{SpikeTable.AllChannels}' AND direction = 'high'{clientIn("client_id")}{after} GROUP BY ALL),
            scans AS (SELECT client_id, first_day, last_day FROM spike_scans WHERE channel = '{SpikeTable.AllChannels}')
            """;
    }

    /// <summary>
    /// The client-days of the scope (<c>grid</c>) and, per day, whether every client active then was scanned for spikes
    /// (<c>observed</c>: over all clients, whichever the scope holds).
    /// </summary>
    private static string GridSql(IReadOnlyCollection<string>? clients) => $"""
        everyone_active AS (
            SELECT c.client_id, CAST(g.day AS DATE) AS day
            FROM clients c, range(CAST($from AS TIMESTAMP), CAST($to AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 DAY) g(day)
            WHERE (c.contract_start IS NULL OR c.contract_start <= CAST(g.day AS DATE))
              AND (c.churned_on IS NULL OR c.churned_on > CAST(g.day AS DATE))),
        observed AS (
            SELECT a.day, count(sc.client_id) = count(*) AS all_scanned
            FROM everyone_active a LEFT JOIN scans sc ON sc.client_id = a.client_id
            GROUP BY ALL),
        grid AS (SELECT * FROM everyone_active WHERE true{ClientFilter(clients)("client_id")})
        """;

    private static string Observed(int ticketWindow) =>
        $"CASE WHEN o.all_scanned THEN greatest(0, least(g.day, sc.last_day) - greatest(g.day - {ticketWindow - 1}, sc.first_day) + 1) END";

    /// <summary>The condition (starting with AND) that keeps the rows of <paramref name="clients"/> (null: no condition).</summary>
    private static Func<string, string> ClientFilter(IReadOnlyCollection<string>? clients) => clients is null
        ? _ => ""
        : column => $" AND {column} IN ({string.Join(", ", clients.Select(c => "'" + c.Replace("'", "''", StringComparison.Ordinal) + "'"))})";

    /// <summary>
    /// The deltas of one kind of item: it is in the count of the days from max(<paramref name="start"/>,
    /// <paramref name="known"/>) to start + length − 1 (none when it became known after that).
    /// </summary>
    private static string Item(string source, string start, string known, int length, string measure, string? condition = null)
    {
        var where = $"WHERE greatest({start}, {known}) < {start} + {length}" + (condition is null ? "" : $" AND ({condition})");
        return $"SELECT client_id, greatest({start}, {known}) AS day, '{measure}' AS m, n AS v FROM {source} {where}\n" +
            $"    UNION ALL SELECT client_id, {start} + {length}, '{measure}', -n FROM {source} {where}";
    }
}
