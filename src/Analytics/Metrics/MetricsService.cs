using System.Globalization;
using NodaTime;
using SupportLens.Storage.Data;

namespace SupportLens.Analytics.Metrics;

/// <summary>
/// Computes quality metrics in DuckDB: each family is one aggregate query over the period's rows, grouped by the
/// requested key; the queries bound instants with UTC parameters so DuckDB can prune by zone maps.
/// </summary>
public sealed class MetricsService(Func<DuckDbConnection> openConnection)
{
    public MetricsReport Compute(ReportingPeriod period, MetricsGrouping grouping)
    {
        using var connection = openConnection();
        var groups = new Dictionary<string, GroupAccumulator>(StringComparer.Ordinal);
        GroupAccumulator For(string key) => groups.TryGetValue(key, out var g) ? g : groups[key] = new GroupAccumulator(key);

        var clientJoin = "LEFT JOIN clients c ON c.client_id = t.client_id";

        // Tickets created in the period: volume, escalations, first-response times (calendar minutes).
        Query(connection, period, $"""
            SELECT {GroupKeys.Sql(grouping, "t.created_at", "t.channel")} AS key,
                   count(*),
                   count(*) FILTER (WHERE t.escalated),
                   quantile_cont(epoch(t.first_response_at - t.created_at) / 60.0, 0.5) FILTER (WHERE t.first_response_at IS NOT NULL),
                   quantile_cont(epoch(t.first_response_at - t.created_at) / 60.0, 0.9) FILTER (WHERE t.first_response_at IS NOT NULL)
            FROM tickets t {clientJoin}
            WHERE t.created_at >= $start AND t.created_at < $end
            GROUP BY ALL
            """, r =>
        {
            var g = For(r.GetString(0));
            g.Created = r.GetInt64(1);
            g.Escalated = r.GetInt64(2);
            g.FirstResponseMinutes = new Percentiles(NullableDouble(r, 3), NullableDouble(r, 4));
        });

        // Tickets solved in the period: FCR (one touch = at most one agent reply and never reopened), reopens, resolution times.
        Query(connection, period, $"""
            SELECT {GroupKeys.Sql(grouping, "coalesce(t.solved_at, t.closed_at)", "t.channel")} AS key,
                   count(*),
                   count(*) FILTER (WHERE t.agent_replies IS NOT NULL AND t.reopens IS NOT NULL),
                   count(*) FILTER (WHERE t.agent_replies <= 1 AND t.reopens = 0),
                   count(*) FILTER (WHERE t.reopens > 0),
                   quantile_cont(epoch(coalesce(t.solved_at, t.closed_at) - t.created_at) / 3600.0, 0.5),
                   quantile_cont(epoch(coalesce(t.solved_at, t.closed_at) - t.created_at) / 3600.0, 0.9)
            FROM tickets t {clientJoin}
            WHERE t.status IN ('solved', 'closed')
              AND coalesce(t.solved_at, t.closed_at) >= $start AND coalesce(t.solved_at, t.closed_at) < $end
            GROUP BY ALL
            """, r =>
        {
            var g = For(r.GetString(0));
            g.Solved = r.GetInt64(1);
            g.FcrEligible = r.GetInt64(2);
            g.OneTouch = r.GetInt64(3);
            g.Reopened = r.GetInt64(4);
            g.ResolutionHours = new Percentiles(NullableDouble(r, 5), NullableDouble(r, 6));
        });

        // Backlog: tickets open at the end of the period (for months: at the end of each month).
        var snapshots = Snapshots(period, grouping);
        var snapshotValues = string.Join(", ", snapshots.Select((s, i) => $"('{s.Key}', $snap{i})"));
        Query(connection, period, $"""
            WITH snapshot(month_key, snap_at) AS (VALUES {snapshotValues})
            SELECT {(grouping == MetricsGrouping.Month ? "s.month_key" : GroupKeys.Sql(grouping, "s.snap_at", "t.channel"))} AS key,
                   count(*),
                   median(epoch(s.snap_at - t.created_at) / 3600.0),
                   max(epoch(s.snap_at - t.created_at) / 3600.0)
            FROM snapshot s
            JOIN tickets t ON t.created_at < s.snap_at
                          AND (coalesce(t.solved_at, t.closed_at) IS NULL OR coalesce(t.solved_at, t.closed_at) >= s.snap_at)
            {clientJoin}
            GROUP BY ALL
            """, r => For(r.GetString(0)).Backlog = new Backlog(r.GetInt64(1), NullableDouble(r, 2), NullableDouble(r, 3)),
            command =>
            {
                for (var i = 0; i < snapshots.Count; i++)
                {
                    command.Parameters.Add($"snap{i}", snapshots[i].At);
                }
            });

        // CSAT by response time; the channel is the surveyed ticket's.
        var csatTicketJoin = grouping == MetricsGrouping.Channel
            ? "LEFT JOIN tickets t ON t.source = s.source AND t.ticket_id = s.ticket_id"
            : "";
        Query(connection, period, $"""
            SELECT {GroupKeys.Sql(grouping, "s.responded_at", grouping == MetricsGrouping.Channel ? "t.channel" : null)} AS key,
                   count(*) FILTER (WHERE s.good),
                   count(*)
            FROM csat_responses s
            LEFT JOIN clients c ON c.client_id = s.client_id
            {csatTicketJoin}
            WHERE s.responded_at >= $start AND s.responded_at < $end
            GROUP BY ALL
            """, r => For(r.GetString(0)).Csat = new Proportion(r.GetInt64(1), r.GetInt64(2)));

        // NPS by response time; relationship surveys have no channel.
        Query(connection, period, $"""
            SELECT {GroupKeys.Sql(grouping, "n.responded_at", null)} AS key,
                   count(*) FILTER (WHERE n.score >= 9),
                   count(*) FILTER (WHERE n.score BETWEEN 7 AND 8),
                   count(*) FILTER (WHERE n.score <= 6)
            FROM nps_responses n
            LEFT JOIN clients c ON c.client_id = n.client_id
            WHERE n.responded_at >= $start AND n.responded_at < $end
            GROUP BY ALL
            """, r => For(r.GetString(0)).Nps = new NetPromoterScore(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));

        if (grouping == MetricsGrouping.All && groups.Count == 0)
        {
            For("all");
        }
        var ordered = groups.Values.Select(g => g.Build()).ToList();
        ordered.Sort((a, b) => GroupKeys.Compare(grouping, a.Key, b.Key));
        return new MetricsReport(period, grouping, ordered);
    }

    private static List<(string Key, DateTimeOffset At)> Snapshots(ReportingPeriod period, MetricsGrouping grouping)
    {
        if (grouping != MetricsGrouping.Month)
        {
            return [("end", period.EndUtc)];
        }
        var snapshots = new List<(string, DateTimeOffset)>();
        var month = new LocalDate(period.From.Year, period.From.Month, 1);
        while (month <= period.To)
        {
            var nextMonth = month.PlusMonths(1);
            var end = nextMonth.PlusDays(-1) < period.To ? nextMonth : period.To.PlusDays(1);
            snapshots.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), end.AtStartOfDayInZone(period.Zone).ToDateTimeOffset().ToUniversalTime()));
            month = nextMonth;
        }
        return snapshots;
    }

    private static void Query(
        DuckDbConnection connection, ReportingPeriod period, string sql, Action<DuckDbDataReader> row, Action<DuckDbCommand>? bind = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$start", StringComparison.Ordinal))
        {
            command.Parameters.Add("start", period.StartUtc);
            command.Parameters.Add("end", period.EndUtc);
        }
        if (sql.Contains("$zone", StringComparison.Ordinal))
        {
            command.Parameters.Add("zone", period.Zone.Id);
        }
        bind?.Invoke(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static double? NullableDouble(DuckDbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private sealed class GroupAccumulator(string key)
    {
        internal long Created { get; set; }

        internal long Escalated { get; set; }

        internal long Solved { get; set; }

        internal long FcrEligible { get; set; }

        internal long OneTouch { get; set; }

        internal long Reopened { get; set; }

        internal Backlog Backlog { get; set; } = new(0, null, null);

        internal Proportion Csat { get; set; } = new(0, 0);

        internal NetPromoterScore Nps { get; set; } = new(0, 0, 0);

        internal Percentiles FirstResponseMinutes { get; set; } = new(null, null);

        internal Percentiles ResolutionHours { get; set; } = new(null, null);

        internal QualityMetrics Build() => new(
            key, Created, Solved, Backlog, Csat, Nps,
            new Proportion(OneTouch, FcrEligible),
            new Proportion(Escalated, Created),
            new Proportion(Reopened, Solved),
            FirstResponseMinutes, ResolutionHours);
    }
}
