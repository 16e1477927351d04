using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Storage.Sql;

using SupportLens.Analytics.Sql;

namespace SupportLens.Analytics.Incidents;

/// <summary>
/// Availability and latency per component from the checks table, in one aggregate query.
/// <para>
/// A probe is one (source, component, client_id) series of checks. Monitors check more often while something is wrong
/// (the sample data: hourly, every five minutes during a severity 1–2 incident), so counting checks would overweight
/// outages; instead each check stands for [its instant, the probe's next check), cut to [period start, min(period end,
/// now)). The last check before the period carries its state into the period until the probe's first check inside it;
/// the period's last check covers until the period end (or now). Availability = time covered by ok checks / time
/// covered by any check, summed over the component's probes. A gap in monitoring keeps the state of the check before it.
/// A component with no check in the period is not measured (null), never 100 %. Two checks of a probe at the same
/// instant: the failed one is taken to stand for the time after it.
/// </para>
/// <para>p95 latency: the continuous 95th percentile of latency_ms over the checks in the period (failed checks have none),
/// each check one sample.</para>
/// </summary>
internal static class AvailabilityQuery
{
    internal static IReadOnlyList<ComponentAvailability> Run(
        WarehouseConnection connection, ReportingPeriod period, Instant asOf, QualityTargets targets, IEnumerable<string> incidentComponents)
    {
        var start = period.StartUtc;
        var cap = asOf.ToDateTimeOffset() < period.EndUtc ? asOf.ToDateTimeOffset() : period.EndUtc;
        if (cap < start)
        {
            cap = start;
        }
        var startUs = SqlInstant.EpochMicroseconds(start);
        var capUs = SqlInstant.EpochMicroseconds(cap);

        using var command = connection.CreateCommand();
        // Durations are differences of epoch_us, never epoch(a - b): TIMESTAMPTZ subtraction goes through ICU's calendar
        // arithmetic and costs 20x more.
        command.CommandText = $"""
            WITH inside AS (
                SELECT source, component, client_id, checked_at, ok, latency_ms, true AS inside
                FROM checks
                WHERE checked_at >= {SqlInstant.Literal(start)} AND checked_at < {SqlInstant.Literal(period.EndUtc)}
            ),
            probes AS (SELECT DISTINCT source, component, client_id FROM inside),
            carried AS (
                SELECT c.source, c.component, c.client_id, max(c.checked_at) AS checked_at, arg_max(c.ok, c.checked_at) AS ok,
                       CAST(NULL AS DOUBLE) AS latency_ms, false AS inside
                FROM checks c
                JOIN probes p ON c.source = p.source AND c.component = p.component AND c.client_id IS NOT DISTINCT FROM p.client_id
                WHERE c.checked_at < {SqlInstant.Literal(start)}
                GROUP BY c.source, c.component, c.client_id
            ),
            spans AS (
                SELECT component, ok, latency_ms, inside,
                       greatest(epoch_us(checked_at), {startUs}) AS from_us,
                       least(coalesce(lead(epoch_us(checked_at)) OVER (
                                 PARTITION BY source, component, client_id ORDER BY checked_at, ok DESC), {capUs}), {capUs}) AS to_us
                FROM (SELECT * FROM inside UNION ALL BY NAME SELECT * FROM carried)
            )
            SELECT component,
                   count(*) FILTER (WHERE inside),
                   count(*) FILTER (WHERE inside AND NOT ok),
                   CAST(coalesce(sum(greatest(to_us - from_us, 0)), 0) AS BIGINT),
                   CAST(coalesce(sum(greatest(to_us - from_us, 0)) FILTER (WHERE NOT ok), 0) AS BIGINT),
                   quantile_cont(latency_ms, 0.95) FILTER (WHERE inside)
            FROM spans
            GROUP BY component
            """;
        var measured = new SortedDictionary<string, ComponentAvailability>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var component = reader.GetString(0);
                measured[component] = Build(
                    component, reader.GetInt64(1), reader.GetInt64(2),
                    TimeSpan.FromMicroseconds(reader.GetInt64(3)), TimeSpan.FromMicroseconds(reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : reader.GetDouble(5), targets);
            }
        }
        foreach (var component in incidentComponents)
        {
            if (!measured.ContainsKey(component))
            {
                measured[component] = Build(component, 0, 0, TimeSpan.Zero, TimeSpan.Zero, null, targets);
            }
        }
        return [.. measured.Values];
    }

    private static ComponentAvailability Build(
        string component, long checks, long failed, TimeSpan covered, TimeSpan down, double? p95, QualityTargets targets)
    {
        double? pct = covered > TimeSpan.Zero ? 100.0 * (covered - down).Ticks / covered.Ticks : null;
        return new ComponentAvailability(
            component, checks, failed, covered, down, p95,
            new TargetCheck("availability_pct", pct, targets.AvailabilityPct, TargetDirection.AtLeast),
            new TargetCheck("p95_latency_ms", p95, targets.ApiP95.TotalMilliseconds, TargetDirection.Below));
    }
}
