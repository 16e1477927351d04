using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Tests.Sla;

namespace SupportLens.Analytics.Tests.Metrics;

public sealed class OpenEscalationsTests : IDisposable
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private readonly ReportQueryHistory _history = new();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void Escalated_tickets_open_at_the_end_of_the_month_with_their_age_then()
    {
        var escalations = new OpenEscalations(_history.Warehouse);
        var march = ReportingPeriod.Month("2026-03", NewYork);

        // End of March = 2026-04-01T04:00Z, before the horizon (13:00Z). E: T6 (created 2026-02-27T15:00Z, solved
        // 2026-04-01T10:00Z) was open then, 32 d 13 h old = 781 h; T2 was escalated but solved in March.
        var echo = escalations.AtEndOf(march, "E");
        Assert.Equal(Instant.FromUtc(2026, 4, 1, 4, 0), echo.At);
        var t6 = Assert.Single(echo.Open);
        Assert.Equal(("T6", 781.0, Instant.FromUtc(2026, 4, 1, 10, 0)), (t6.TicketId, t6.Age.TotalHours, t6.DoneAt!.Value));

        // B: T4, created 2026-03-31T20:00Z, 8 h old.
        var bravo = Assert.Single(escalations.AtEndOf(march, "B").Open);
        Assert.Equal(("T4", 8.0, (Instant?)null), (bravo.TicketId, bravo.Age.TotalHours, bravo.DoneAt));
    }

    [Fact]
    public void A_period_ending_past_the_horizon_is_seen_at_the_horizon()
    {
        var april = ReportingPeriod.Month("2026-04", NewYork);
        var escalations = new OpenEscalations(_history.Warehouse);

        // The data reaches 2026-04-01T13:00Z: T6 was solved by then; T4 is still open, 17 h old.
        Assert.Empty(escalations.AtEndOf(april, "E").Open);
        var snapshot = escalations.AtEndOf(april, "B");
        Assert.Equal(17.0, Assert.Single(snapshot.Open).Age.TotalHours, 6);
        Assert.True(snapshot.At < Instant.FromUtc(2026, 4, 1, 13, 0, 1));
    }
}
