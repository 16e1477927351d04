using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Metrics;

/// <summary>
/// Issue 9, defects 3 and 9: a figure without data is not measured, and a past month's numbers do not drift with the
/// wall clock. A starter client (8 h first response, Mon–Fri 09:00–18:00 New York) has two tickets in October 2026.
/// </summary>
public sealed class HorizonAndNotMeasuredTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);

    public HorizonAndNotMeasuredTests()
    {
        using var connection = _warehouse.OpenConnection();
        // No escalated or reopens values: the export had no such columns (NULL), which is not "false" or "0".
        connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier) VALUES ('S', 'generic', 'Small', 'starter');
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, first_response_at, solved_at, updated_at) VALUES
                -- Thu 29 Oct 10:00 EDT = 14:00Z, answered 11:00 EDT, solved 12:00 EDT.
                ('g', 'A', 'S', '2026-10-29T14:00:00Z', 'email', 'solved', '2026-10-29T15:00:00Z', '2026-10-29T16:00:00Z', '2026-10-29T16:00:00Z'),
                -- Fri 30 Oct 17:00 EDT = 21:00Z, never answered. The data ends at Sat 31 Oct 02:00Z (A's last update
                -- is earlier; this row's updated_at is the newest instant): 1 business hour has run of the 8.
                ('g', 'B', 'S', '2026-10-30T21:00:00Z', 'email', 'open', NULL, NULL, '2026-10-31T02:00:00Z');
            """);
    }

    public void Dispose() => _warehouse.Dispose();

    private MetricsReport October(DateTimeOffset wallClock, NodaTime.Instant? asOf = null)
    {
        var time = new FixedTime(wallClock);
        new RefreshService(_warehouse, DerivedTables.All(SupportLensSettings.Default, time), time).Run();
        var service = new MetricsService(_warehouse, SupportLensSettings.Default);
        return service.Compute(service.Month("2026-10"), MetricsGrouping.All, asOf);
    }

    [Fact]
    public void Unknown_escalations_and_reopens_are_not_measured_and_neither_meet_nor_miss_their_target()
    {
        var all = Assert.Single(October(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)).Groups);
        Assert.Null(all.Escalations.Percent);
        Assert.Null(all.Reopens.Percent);
        var escalation = Assert.Single(all.Targets, t => t.Metric == "escalation_pct");
        Assert.Null(escalation.Met);
        Assert.Equal(TargetCheck.NotMeasured, escalation.Shown());
        // Surveys: none in October, so no CSAT or NPS either.
        Assert.Null(all.Csat.Percent);
        Assert.Null(Assert.Single(all.Targets, t => t.Metric == "nps").Met);
    }

    [Fact]
    public void A_past_months_sla_is_the_same_whatever_the_wall_clock()
    {
        // As of the horizon (Sat 31 Oct 02:00Z) B has used 1 of its 8 business hours: active, not breached. A month
        // later by the wall clock, with no new data, it is still active: nothing was learnt about it since.
        var early = October(new DateTimeOffset(2026, 10, 31, 3, 0, 0, TimeSpan.Zero));
        var late = October(new DateTimeOffset(2026, 12, 31, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(new SlaCompliance(1, 0, 1), Assert.Single(early.Groups).SlaFirstResponse);
        Assert.Equal(new SlaCompliance(1, 0, 1), Assert.Single(late.Groups).SlaFirstResponse);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 10, 31, 2, 0), late.AsOf);
    }

    [Fact]
    public void As_of_judges_open_tickets_at_the_asked_instant()
    {
        // Mon 2 Nov 18:00 EST = 23:00Z: Fri 17:00–18:00 and Mon 09:00–18:00 make 10 business hours, past the 8: breached.
        var report = October(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), NodaTime.Instant.FromUtc(2026, 11, 2, 23, 0));
        Assert.Equal(new SlaCompliance(1, 1, 0), Assert.Single(report.Groups).SlaFirstResponse);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 2, 23, 0), report.AsOf);
    }

    [Theory]
    // 94.97 against at-least 95 is a miss: one decimal would print 95.0, so it takes two.
    [InlineData(94.97, 95, TargetDirection.AtLeast, "94.97")]
    [InlineData(94.96, 95, TargetDirection.AtLeast, "94.96")]
    [InlineData(95.04, 95, TargetDirection.AtLeast, "95.0")]
    [InlineData(94.4, 95, TargetDirection.AtLeast, "94.4")]
    // 9.96 against below 10 is met; 10.0 would read as missed.
    [InlineData(9.96, 10, TargetDirection.Below, "9.96")]
    [InlineData(94.99996, 95, TargetDirection.AtLeast, "94.99996")]
    public void A_rounded_figure_never_contradicts_its_verdict(double value, double target, TargetDirection direction, string shown)
    {
        Assert.Equal(shown, new TargetCheck("x", value, target, direction).Shown());
    }
}
