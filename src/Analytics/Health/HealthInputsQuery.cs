using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Metrics;
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
        if (to < from)
        {
            return [];
        }
        using var command = connection.CreateCommand(Sql());
        command.Parameters
            .Add("zone", zone.Id)
            .Add("from", from.ToDateOnly())
            .Add("to", to.ToDateOnly());
        using var reader = command.ExecuteReader();
        var inputs = ImmutableArray.CreateBuilder<ClientHealthInputs>();
        while (reader.Read())
        {
            if (clients.TryGetValue(reader.GetString(0), out var client))
            {
                inputs.Add(Inputs(reader, client));
            }
        }
        return inputs.ToImmutable();
    }

    private ClientHealthInputs Inputs(DbDataReader reader, ClientAccount client)
    {
        var day = LocalDate.FromDateOnly(reader.GetDateOnly(1));
        var firstNpsDay = reader.IsDBNull(2) ? (LocalDate?)null : LocalDate.FromDateOnly(reader.GetDateOnly(2));
        var incidentData = reader.GetBoolean(3);
        int? spikeDaysObserved = reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture);
        var n = new Dictionary<string, long>(Measures.Length);
        for (var i = 0; i < Measures.Length; i++)
        {
            n[Measures[i]] = reader.IsDBNull(5 + i) ? 0 : Convert.ToInt64(reader.GetValue(5 + i), CultureInfo.InvariantCulture);
        }
        // The earlier NPS window is known once it reaches into the NPS data; before that, "fell from" has nothing to say.
        var previousKnown = firstNpsDay is { } first && day.PlusDays(-settings.SurveyWindowDays) >= first;
        var slaDecided = n["sla_achieved"] + n["sla_breached"];
        return new ClientHealthInputs(
            client.ClientId,
            client.Tier,
            day,
            Csat: n["csat_total"] == 0 ? null : new Proportion(n["csat_good"], n["csat_total"]),
            Nps: new NpsFacts(
                new NetPromoterScore(n["nps_pro"], n["nps_pas"], n["nps_det"]),
                previousKnown ? new NetPromoterScore(n["nps_prev_pro"], n["nps_prev_pas"], n["nps_prev_det"]) : null),
            Sla: slaDecided == 0 ? null : new SlaFacts(n["sla_achieved"], n["sla_breached"], n["sla_breached_urgent"]),
            Fcr: n["fcr_known"] == 0 ? null : new Proportion(n["fcr_yes"], n["fcr_known"]),
            Escalations: n["esc_known"] == 0 ? null : new Proportion(n["esc_yes"], n["esc_known"]),
            Reopens: n["reopen_known"] == 0 ? null : new Proportion(n["reopen_yes"], n["reopen_known"]),
            Incidents: incidentData ? new IncidentFacts((int)n["sev1"], (int)n["sev2"], (int)n["sev3"], (int)n["sev4"]) : null,
            VolumeSpikes: spikeDaysObserved is { } observed ? new SpikeFacts((int)n["spike_days"], observed) : null,
            NextRenewal: client.NextRenewalOn(day),
            Volume: new TicketVolume(n["tickets"], n["baseline"]));
    }

    private string Sql()
    {
        var t = settings.TicketWindowDays;
        var s = settings.SurveyWindowDays;
        var i = settings.IncidentWindowDays;
        var b = settings.VolumeBaselineDays;
        var items = new List<string>
        {
            // Tickets by creation: the window's volume, and the baseline window just before it.
            Item("tk", "c", "c", t, "tickets"),
            Item("tk", "c + " + t, "c + " + t, b, "baseline"),
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
                    FROM tickets t LEFT JOIN esc x ON x.source = t.source AND x.ticket_id = t.ticket_id)
                GROUP BY ALL),
            cs AS (SELECT client_id, CAST(timezone($zone, responded_at) AS DATE) AS r, good, count(*) AS n FROM csat_responses GROUP BY ALL),
            np AS MATERIALIZED (SELECT client_id, CAST(timezone($zone, responded_at) AS DATE) AS r, score, count(*) AS n FROM nps_responses GROUP BY ALL),
            sla AS (
                SELECT s.*, t.priority = 'urgent' AS urgent
                FROM ticket_sla s LEFT JOIN tickets t ON t.source = s.source AND t.ticket_id = s.ticket_id),
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
                    WHERE NOT i.affects_all
                    UNION ALL
                    SELECT NULL, CAST(timezone($zone, started_at) AS DATE), severity FROM incidents WHERE affects_all)
                GROUP BY ALL),
            sp AS (
                SELECT client_id, day AS c, count(*) AS n FROM spikes
                WHERE channel = '{{SpikeTable.AllChannels}}' AND direction = 'high' GROUP BY ALL),
            scans AS (SELECT client_id, first_day, last_day FROM spike_scans WHERE channel = '{{SpikeTable.AllChannels}}'),
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
            grid AS (
                SELECT c.client_id, CAST(g.day AS DATE) AS day
                FROM clients c, range(CAST($from AS TIMESTAMP), CAST($to AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 DAY) g(day)
                WHERE (c.contract_start IS NULL OR c.contract_start <= CAST(g.day AS DATE))
                  AND (c.churned_on IS NULL OR c.churned_on > CAST(g.day AS DATE)))
            SELECT g.client_id, g.day,
                   (SELECT min(r) FROM np),
                   EXISTS (SELECT 1 FROM incidents),
                   -- Days of the ticket window the spike detector looked at. NULL (not measured) on a day when any client
                   -- active then was never scanned: the detector scans only clients that have not left, so measuring the
                   -- others alone would tell the future churners apart by a component they lack.
                   CASE WHEN count(sc.client_id) OVER (PARTITION BY g.day) = count(*) OVER (PARTITION BY g.day)
                        THEN greatest(0, least(g.day, sc.last_day) - greatest(g.day - {{t - 1}}, sc.first_day) + 1) END,
                   {{totals}}
            FROM grid g
            LEFT JOIN scans sc ON sc.client_id = g.client_id
            ASOF LEFT JOIN own r ON r.client_id = g.client_id AND r.day <= g.day
            ASOF LEFT JOIN everyone a ON a.day <= g.day
            ORDER BY g.client_id, g.day
            """;
    }

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
