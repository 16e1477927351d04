using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Sla;
using SupportLens.Analytics.Sql;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Metrics;

/// <summary>
/// Computes quality metrics in DuckDB: each family is one aggregate query over the period's rows, grouped by the
/// requested key; the queries bound instants with UTC parameters so DuckDB can prune by zone maps. SLA deadlines
/// come from the ticket_sla ledger, brought up to date first.
/// </summary>
public sealed class MetricsService(Warehouse warehouse, SupportLensSettings settings)
{
    /// <summary>A period of <paramref name="month"/> (YYYY-MM) in the configured reporting time zone.</summary>
    public ReportingPeriod Month(string month) => ReportingPeriod.Month(month, settings.ReportingTimeZone);

    public ReportingPeriod Between(string from, string to) => ReportingPeriod.Between(from, to, settings.ReportingTimeZone);

    /// <summary>
    /// The period's metrics. Open tickets are judged as of <paramref name="asOf"/>, else as of the data horizon of their
    /// source (what the SLA ledger was last refreshed to); nothing here writes, so a stale ledger is read as it is.
    /// Only the rows <paramref name="filter"/> lets through count (all of them without one).
    /// </summary>
    public MetricsReport Compute(ReportingPeriod period, MetricsGrouping grouping, Instant? asOf = null, MetricsFilter? filter = null)
    {
        filter ??= MetricsFilter.None;
        DataHorizon horizon;
        using (var connection = warehouse.OpenConnection())
        {
            horizon = DataHorizons.Read(connection);
        }
        var groups = new Dictionary<string, GroupAccumulator>(StringComparer.Ordinal);
        GroupAccumulator For(string key) => groups.TryGetValue(key, out var g) ? g : groups[key] = new GroupAccumulator(key);

        // The query families are independent: they run side by side, one connection each (DuckDB finishes some
        // aggregates, such as exact quantiles, on one thread), those with the most exact quantiles (their cost) first,
        // so that the cheap ones fill in beside them. Their few result rows update the groups under a lock.
        var jobs = new List<(int Quantiles, Action<WarehouseConnection> Job)>();
        var gate = new Lock();
        void Query(string sql, Action<DbDataReader> row, Action<WarehouseCommand>? bind = null) =>
            jobs.Add((Regex.Count(sql, "quantile_cont|median\\("), connection => Run(connection, period, filter, sql, reader =>
            {
                lock (gate)
                {
                    row(reader);
                }
            }, bind)));

        // One group of everything: an ungrouped aggregate (one row even over no rows, whose counts are the groups'
        // defaults) spares hashing a constant key for every row.
        var groupBy = grouping == MetricsGrouping.All ? "" : "GROUP BY ALL";
        // The clients row only where the group key or the filter reads it: a join over the period's rows costs.
        var needsClient = grouping is MetricsGrouping.Tier or MetricsGrouping.Client or MetricsGrouping.SuccessManager
            || filter.Tier is not null || filter.SuccessManager is not null;
        var clientJoin = needsClient ? "LEFT JOIN clients c ON c.client_id = t.client_id" : "";

        // Tickets created in the period: volume, escalations, first-response times (calendar minutes).
        Query($"""
            SELECT {GroupKeys.Sql(grouping, "t.created_at", "t.channel")} AS key,
                   count(*),
                   count(*) FILTER (WHERE t.escalated),
                   quantile_cont((epoch_us(t.first_response_at) - epoch_us(t.created_at)) / 1e6 / 60.0, [0.5, 0.9])
                       FILTER (WHERE t.first_response_at IS NOT NULL),
                   count(t.escalated)
            FROM tickets t {clientJoin}
            WHERE t.created_at >= $start AND t.created_at < $end{filter.Sql("t.client_id", "t.channel")}
            {groupBy}
            """, r =>
        {
            var g = For(r.GetString(0));
            g.Created = r.GetInt64(1);
            g.Escalated = r.GetInt64(2);
            g.FirstResponseMinutes = PercentilesOf(r, 3);
            // Only tickets whose export says whether they were escalated count: unknown is not "no".
            g.EscalationKnown = r.GetInt64(4);
        });


        // Tickets solved in the period: FCR (one touch = at most one agent reply and never reopened), reopens, resolution
        // times; in the same scan, per tier, the FCR-eligible solves behind the group's tier-weighted FCR target (one
        // filtered count per tier: grouping sets would sort the resolution times once more for every tier).
        var tierMix = string.Concat(Tiers.Select(tier =>
            $",\n                   count(*) FILTER (WHERE tier = '{tier}' AND agent_replies IS NOT NULL AND reopens IS NOT NULL)"));
        Query($"""
            SELECT {(grouping == MetricsGrouping.All ? "'all'" : "key")},
                   count(*),
                   count(*) FILTER (WHERE agent_replies IS NOT NULL AND reopens IS NOT NULL),
                   count(*) FILTER (WHERE agent_replies <= 1 AND reopens = 0),
                   count(*) FILTER (WHERE reopens > 0),
                   quantile_cont(hours, [0.5, 0.9]),
                   count(reopens){tierMix}
            FROM (SELECT {GroupKeys.Sql(grouping, "t.done_at", "t.channel")} AS key, c.tier, t.agent_replies, t.reopens,
                         (epoch_us(t.done_at) - epoch_us(t.created_at)) / 1e6 / 3600.0 AS hours
                  FROM ({SolvedInPeriod}) t LEFT JOIN clients c ON c.client_id = t.client_id
                  WHERE true{filter.Sql("t.client_id", "t.channel")})
            {groupBy}
            """, r =>
        {
            var g = For(r.GetString(0));
            g.Solved = r.GetInt64(1);
            g.FcrEligible = r.GetInt64(2);
            g.OneTouch = r.GetInt64(3);
            g.Reopened = r.GetInt64(4);
            g.ResolutionHours = PercentilesOf(r, 5);
            g.ReopenKnown = r.GetInt64(6);
            for (var i = 0; i < Tiers.Length; i++)
            {
                if (r.GetInt64(7 + i) is var eligible and > 0)
                {
                    g.FcrTierMix.Add((Tiers[i], eligible));
                }
            }
        });

        // Backlog: tickets open at the end of the period (for months: at the end of each month), one filtered
        // aggregate per moment (a range join would compare every ticket with every moment).
        // A backlog is counted at the end of the period, or at the horizon when the data ends before that: beyond it
        // nothing is known, and ageing open tickets past it would invent a backlog.
        var snapshots = Snapshots(period, grouping, (asOf ?? horizon.Tickets)?.ToDateTimeOffset());
        // Open at a moment: created before it, and neither solved nor closed before it. As three disjoint scans, each a
        // plain range or NULL test that zone maps prune (solved or closed since are recent rows; still open, few).
        var backlog = string.Join(" UNION ALL ", snapshots.Select((s, i) => $"""
            SELECT {(grouping == MetricsGrouping.Month ? $"'{s.Key}'" : GroupKeys.Sql(grouping, $"$snap{i}", "t.channel"))} AS key,
                   count(*),
                   median((epoch_us($snap{i}) - epoch_us(t.created_at)) / 1e6 / 3600.0),
                   max((epoch_us($snap{i}) - epoch_us(t.created_at)) / 1e6 / 3600.0)
            FROM (SELECT client_id, channel, created_at FROM tickets WHERE created_at < $snap{i} AND solved_at >= $snap{i}
                  UNION ALL
                  SELECT client_id, channel, created_at FROM tickets WHERE created_at < $snap{i} AND solved_at IS NULL AND closed_at >= $snap{i}
                  UNION ALL
                  SELECT client_id, channel, created_at FROM tickets WHERE created_at < $snap{i} AND solved_at IS NULL AND closed_at IS NULL) t
            {clientJoin}
            WHERE true{filter.Sql("t.client_id", "t.channel")}
            {groupBy}
            """));
        Query(backlog,
            r => For(r.GetString(0)).Backlog = new Backlog(r.GetInt64(1), NullableDouble(r, 2), NullableDouble(r, 3)),
            command =>
            {
                for (var i = snapshots.Count - 1; i >= 0; i--)
                {
                    command.CommandText = command.CommandText.Replace($"$snap{i}", Literal(snapshots[i].At), StringComparison.Ordinal);
                }
            });

        // CSAT by response time; the channel is the surveyed ticket's.
        var csatByChannel = grouping == MetricsGrouping.Channel || filter.Channel is not null;
        var csatTicketJoin = csatByChannel
            ? "LEFT JOIN tickets t ON t.source = s.source AND t.ticket_id = s.ticket_id"
            : "";
        // In the same scan, per tier, the responses behind the group's tier-weighted CSAT target.
        Query($"""
            SELECT {GroupKeys.Sql(grouping, "s.responded_at", grouping == MetricsGrouping.Channel ? "t.channel" : null)} AS key,
                   c.tier, grouping(c.tier),
                   count(*) FILTER (WHERE s.good),
                   count(*)
            FROM csat_responses s
            LEFT JOIN clients c ON c.client_id = s.client_id
            {csatTicketJoin}
            WHERE s.responded_at >= $start AND s.responded_at < $end{filter.Sql("s.client_id", csatByChannel ? "t.channel" : null)}
            GROUP BY GROUPING SETS ((key), (key, c.tier))
            """, r =>
        {
            var g = For(r.GetString(0));
            if (r.GetInt32(2) == 1)
            {
                g.Csat = new Proportion(r.GetInt64(3), r.GetInt64(4));
            }
            else if (!r.IsDBNull(1))
            {
                g.CsatTierMix.Add((r.GetString(1), r.GetInt64(4)));
            }
        });

        // NPS by response time; relationship surveys have no channel. By channel their key is a constant, and DuckDB groups
        // an empty input by a constant into one row: HAVING keeps a period without answers from a "(none)" row of zeros.
        Query($"""
            SELECT {GroupKeys.Sql(grouping, "n.responded_at", null)} AS key,
                   count(*) FILTER (WHERE n.score >= 9),
                   count(*) FILTER (WHERE n.score BETWEEN 7 AND 8),
                   count(*) FILTER (WHERE n.score <= 6)
            FROM nps_responses n
            {(needsClient ? "LEFT JOIN clients c ON c.client_id = n.client_id" : "")}
            WHERE n.responded_at >= $start AND n.responded_at < $end{filter.Sql("n.client_id", null)}
            {groupBy}{(grouping == MetricsGrouping.All ? "" : " HAVING count(*) > 0")}
            """, r => For(r.GetString(0)).Nps = new NetPromoterScore(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));

        // SLA by ticket creation, as of the data horizon (or the asked instant): achieved, breached, active; business-time
        // percentiles once done. The ledger stamps each open ticket with the horizon it was judged at.
        Query($"""
            SELECT {GroupKeys.Sql(grouping, "s.created_at", "s.channel")} AS key,
                   count(*) FILTER (WHERE s.first_response_done_at <= s.first_response_due),
                   count(*) FILTER (WHERE s.first_response_done_at > s.first_response_due
                                       OR (s.first_response_done_at IS NULL AND s.first_response_due < coalesce($asof::TIMESTAMPTZ, s.evaluated_at))),
                   count(*) FILTER (WHERE s.first_response_done_at IS NULL AND s.first_response_due >= coalesce($asof::TIMESTAMPTZ, s.evaluated_at)),
                   count(*) FILTER (WHERE s.resolution_done_at <= s.resolution_due),
                   count(*) FILTER (WHERE s.resolution_done_at > s.resolution_due
                                       OR (s.resolution_done_at IS NULL AND NOT s.resolution_paused AND s.resolution_due < coalesce($asof::TIMESTAMPTZ, s.evaluated_at))),
                   count(*) FILTER (WHERE s.resolution_done_at IS NULL AND (s.resolution_paused OR s.resolution_due >= coalesce($asof::TIMESTAMPTZ, s.evaluated_at))),
                   quantile_cont(s.first_response_business_min, [0.5, 0.9]),
                   quantile_cont(s.resolution_business_min / 60.0, [0.5, 0.9])
            FROM ticket_sla s
            {(needsClient ? "LEFT JOIN clients c ON c.client_id = s.client_id" : "")}
            WHERE s.created_at >= $start AND s.created_at < $end{filter.Sql("s.client_id", "s.channel")}
            {groupBy}
            """, r =>
        {
            var g = For(r.GetString(0));
            g.SlaFirstResponse = new SlaCompliance(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            g.SlaResolution = new SlaCompliance(r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
            g.FirstResponseBusinessMinutes = PercentilesOf(r, 7);
            g.ResolutionBusinessHours = PercentilesOf(r, 8);
        }, command => command.Parameters.Add("asof", asOf?.ToDateTimeOffset()));

        RunSideBySide([.. jobs.OrderByDescending(j => j.Quantiles).Select(j => j.Job)]);
        if (grouping == MetricsGrouping.All && groups.Count == 0)
        {
            For("all");
        }
        var ordered = groups.Values.Select(g => g.Build(settings.Targets)).ToList();
        ordered.Sort((a, b) => GroupKeys.Compare(grouping, a.Key, b.Key));
        return new MetricsReport(period, grouping, ordered, asOf ?? horizon.Tickets);
    }

    /// <summary>The tiers the clients table allows (its CHECK), in their order of service level.</summary>
    private static readonly string[] Tiers = ["starter", "professional", "business", "enterprise"];

    /// <summary>
    /// Tickets solved (or, lacking a solve time, closed) in the period, with that instant as <c>done_at</c>. Two plain
    /// range filters rather than one on coalesce(), so DuckDB can skip row groups by their min/max.
    /// </summary>
    private const string SolvedInPeriod = """
        SELECT *, solved_at AS done_at FROM tickets
        WHERE solved_at >= $start AND solved_at < $end AND status IN ('solved', 'closed')
        UNION ALL
        SELECT *, closed_at AS done_at FROM tickets
        WHERE solved_at IS NULL AND closed_at >= $start AND closed_at < $end AND status IN ('solved', 'closed')
        """;

    private static List<(string Key, DateTimeOffset At)> Snapshots(ReportingPeriod period, MetricsGrouping grouping, DateTimeOffset? cap)
    {
        // The horizon is an instant the data reaches (a ticket created at it is open at it); snapshots exclude their end.
        DateTimeOffset Capped(DateTimeOffset at) => cap is { } c && c < at ? c.AddTicks(10) : at;
        if (grouping != MetricsGrouping.Month)
        {
            return [("end", Capped(period.EndUtc))];
        }
        var snapshots = new List<(string, DateTimeOffset)>();
        var month = new LocalDate(period.From.Year, period.From.Month, 1);
        while (month <= period.To)
        {
            var nextMonth = month.PlusMonths(1);
            var end = nextMonth.PlusDays(-1) < period.To ? nextMonth : period.To.PlusDays(1);
            snapshots.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Capped(end.AtStartOfDayInZone(period.Zone).ToDateTimeOffset().ToUniversalTime())));
            month = nextMonth;
        }
        return snapshots;
    }

    private void RunSideBySide(List<Action<WarehouseConnection>> jobs)
    {
        try
        {
            // One job at a time per worker, in the given order.
            Parallel.ForEach(Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, job =>
                {
                    using var connection = warehouse.OpenConnection();
                    job(connection);
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure, as it was thrown: callers see a WarehouseException with its SQL, not a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private static void Run(
        WarehouseConnection connection, ReportingPeriod period, MetricsFilter filter, string sql, Action<DbDataReader> row,
        Action<WarehouseCommand>? bind = null)
    {
        using var command = connection.CreateCommand();
        // The period's bounds go in as literals, not parameters: DuckDB prunes row groups by their min/max only
        // for constants it sees while planning. They are computed instants, never user text.
        sql = sql.Replace("$start", Literal(period.StartUtc), StringComparison.Ordinal).Replace("$end", Literal(period.EndUtc), StringComparison.Ordinal);
        command.CommandText = sql;
        if (sql.Contains("$zone", StringComparison.Ordinal))
        {
            command.Parameters.Add("zone", period.Zone.Id);
        }
        bind?.Invoke(command);
        filter.Bind(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    // Durations are differences of epoch_us, never epoch(a - b): subtracting TIMESTAMPTZs goes through ICU's
    // calendar arithmetic and costs 20x more.
    private static string Literal(DateTimeOffset instant) => SqlInstant.Literal(instant);

    /// <summary>p50 and p90 from one quantile_cont(x, [0.5, 0.9]): one sort for both.</summary>
    private static Percentiles PercentilesOf(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal) || reader.GetValue(ordinal) is not System.Collections.IList { Count: 2 } values)
        {
            return new Percentiles(null, null);
        }
        return new Percentiles(values[0] is double p50 ? p50 : null, values[1] is double p90 ? p90 : null);
    }

    private static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private sealed class GroupAccumulator(string key)
    {
        internal long Created { get; set; }

        internal long Escalated { get; set; }

        internal long EscalationKnown { get; set; }

        internal long ReopenKnown { get; set; }

        internal long Solved { get; set; }

        internal long FcrEligible { get; set; }

        internal long OneTouch { get; set; }

        internal long Reopened { get; set; }

        internal Backlog Backlog { get; set; } = new(0, null, null);

        internal Proportion Csat { get; set; } = new(0, 0);

        internal NetPromoterScore Nps { get; set; } = new(0, 0, 0);

        internal Percentiles FirstResponseMinutes { get; set; } = new(null, null);

        internal Percentiles ResolutionHours { get; set; } = new(null, null);

        internal SlaCompliance SlaFirstResponse { get; set; } = new(0, 0, 0);

        internal SlaCompliance SlaResolution { get; set; } = new(0, 0, 0);

        internal Percentiles FirstResponseBusinessMinutes { get; set; } = new(null, null);

        internal Percentiles ResolutionBusinessHours { get; set; } = new(null, null);

        internal List<(string Tier, long Count)> CsatTierMix { get; } = [];

        internal List<(string Tier, long Count)> FcrTierMix { get; } = [];

        internal QualityMetrics Build(QualityTargets targets)
        {
            var fcr = new Proportion(OneTouch, FcrEligible);
            var escalations = new Proportion(Escalated, EscalationKnown);
            var checks = new List<TargetCheck>();
            if (WeightedTierTarget(CsatTierMix, targets, t => t.CsatPct) is { } csatTarget)
            {
                checks.Add(new TargetCheck("csat_pct", Csat.Percent, csatTarget, TargetDirection.AtLeast));
            }
            if (WeightedTierTarget(FcrTierMix, targets, t => t.FcrPct) is { } fcrTarget)
            {
                checks.Add(new TargetCheck("fcr_pct", fcr.Percent, fcrTarget, TargetDirection.AtLeast));
            }
            checks.Add(new TargetCheck("sla_first_response_pct", SlaFirstResponse.Percent, targets.SlaCompliancePct, TargetDirection.AtLeast));
            checks.Add(new TargetCheck("sla_resolution_pct", SlaResolution.Percent, targets.SlaCompliancePct, TargetDirection.AtLeast));
            checks.Add(new TargetCheck("escalation_pct", escalations.Percent, targets.EscalationRateMaxPct, TargetDirection.Below));
            checks.Add(new TargetCheck("nps", Nps.Score, targets.NpsMin, TargetDirection.AtLeast));
            return new QualityMetrics(
                key, Created, Solved, Backlog, Csat, Nps, fcr, escalations, new Proportion(Reopened, ReopenKnown),
                FirstResponseMinutes, ResolutionHours, SlaFirstResponse, SlaResolution,
                FirstResponseBusinessMinutes, ResolutionBusinessHours, checks);
        }

        private static double? WeightedTierTarget(
            List<(string Tier, long Count)> mix, QualityTargets targets, Func<TierQualityTargets, double> pick)
        {
            double weighted = 0;
            long total = 0;
            foreach (var (tier, count) in mix)
            {
                if (Enum.TryParse<SupportTier>(tier, ignoreCase: true, out var parsed) && targets.Tiers.TryGetValue(parsed, out var t))
                {
                    weighted += pick(t) * count;
                    total += count;
                }
            }
            return total == 0 ? null : weighted / total;
        }
    }
}
