using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Sla;

public sealed class SlaBreakdownTests : IDisposable
{
    private static readonly ReportingPeriod March = ReportingPeriod.Month("2026-03", DateTimeZoneProviders.Tzdb["America/New_York"]);
    private readonly ReportQueryHistory _history = new();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void Compliance_by_priority_counts_each_target_once_most_urgent_first()
    {
        var rows = new SlaBreakdown(_history.Warehouse).ByPriority(March);

        Assert.Equal(["urgent", "high", "normal"], rows.Select(r => r.Priority));
        // urgent: T1 met both targets.
        Assert.Equal(new SlaCompliance(1, 0, 0), rows[0].FirstResponse);
        Assert.Equal(new SlaCompliance(1, 0, 0), rows[0].Resolution);
        // high: T2 breached both.
        Assert.Equal(new SlaCompliance(0, 1, 0), rows[1].FirstResponse);
        Assert.Equal(new SlaCompliance(0, 1, 0), rows[1].Resolution);
        // normal: T3 met its first response, breached its resolution; T4 (open) breached both by the horizon.
        Assert.Equal(2, rows[2].Tickets);
        Assert.Equal(new SlaCompliance(1, 1, 0), rows[2].FirstResponse);
        Assert.Equal(new SlaCompliance(0, 2, 0), rows[2].Resolution);
    }

    [Fact]
    public void Priorities_add_up_to_the_metrics_of_the_month()
    {
        var rows = new SlaBreakdown(_history.Warehouse).ByPriority(March);
        var all = new MetricsService(_history.Warehouse, SupportLensSettings.Default).Compute(March, MetricsGrouping.All).Groups.Single();

        Assert.Equal(all.SlaFirstResponse, new SlaCompliance(rows.Sum(r => r.FirstResponse.Achieved), rows.Sum(r => r.FirstResponse.Breached), rows.Sum(r => r.FirstResponse.Active)));
        Assert.Equal(all.SlaResolution, new SlaCompliance(rows.Sum(r => r.Resolution.Achieved), rows.Sum(r => r.Resolution.Breached), rows.Sum(r => r.Resolution.Active)));
        Assert.Equal(all.TicketsCreated, rows.Sum(r => r.Tickets));
    }

    [Fact]
    public void Worst_breaches_come_longest_overrun_first_with_the_total()
    {
        var list = new SlaBreakdown(_history.Warehouse).Worst(March, 3);

        // Five breaches: T4 first response 15 h (open), T4 resolution 9 h (open), T2 resolution 6 h, T3 resolution 2 h, T2 first response 1 h.
        Assert.Equal(5, list.Total);
        Assert.Equal(
            [("T4", SlaTarget.FirstResponse, 15.0), ("T4", SlaTarget.Resolution, 9.0), ("T2", SlaTarget.Resolution, 6.0)],
            list.Worst.Select(b => (b.TicketId, b.Target, b.Overrun.TotalHours)));
        Assert.All(list.Worst.Where(b => b.TicketId == "T4"), b => Assert.Null(b.DoneAt));
        var t2 = list.Worst[2];
        Assert.Equal(("Echo", "enterprise", "high", "chat"), (t2.ClientName, t2.Tier, t2.Priority, t2.Channel));
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 14, 0), t2.Due);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 20, 0), t2.DoneAt);
    }

    [Fact]
    public void A_month_without_tickets_has_no_rows_and_no_breaches()
    {
        var january = ReportingPeriod.Month("2026-01", March.Zone);
        var breakdown = new SlaBreakdown(_history.Warehouse);

        Assert.Empty(breakdown.ByPriority(january));
        var none = breakdown.Worst(january, 10);
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Worst);
    }
}
