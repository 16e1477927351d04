using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Tests.Sla;

namespace SupportLens.Analytics.Tests.Metrics;

public sealed class ArrivalPatternTests : IDisposable
{
    private static readonly ReportingPeriod March = ReportingPeriod.Month("2026-03", DateTimeZoneProviders.Tzdb["America/New_York"]);
    private readonly ReportQueryHistory _history = new();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void Tickets_fall_in_their_local_weekday_and_hour_averaged_over_the_weekdays_of_the_month()
    {
        var pattern = new ArrivalPatterns(_history.Warehouse).Compute(March);

        Assert.Equal(7 * 24, pattern.Cells.Count);
        Assert.Equal(4, pattern.Tickets);
        var busy = pattern.Cells.Where(c => c.Tickets > 0).Select(c => (c.Day, c.Hour, c.Tickets, c.PerDay)).ToList();
        // T1 Mon 09:00 EST, T2 Tue 05:00 EST, T4 Tue 16:00 EDT (after the DST change), T3 Wed 05:00 EST.
        // March 2026 has five Mondays and Tuesdays (2..30, 3..31) and four Wednesdays: 1/5 = 0.2, 1/4 = 0.25.
        Assert.Equal(
            [(IsoDayOfWeek.Monday, 9, 1L, 0.2), (IsoDayOfWeek.Tuesday, 5, 1L, 0.2), (IsoDayOfWeek.Tuesday, 16, 1L, 0.2), (IsoDayOfWeek.Wednesday, 5, 1L, 0.25)],
            busy.Select(c => (c.Day, c.Hour, c.Tickets, c.PerDay!.Value)));
        Assert.All(pattern.Cells.Where(c => c.Tickets == 0), c => Assert.Equal(0, c.PerDay));
    }

    [Fact]
    public void A_weekday_the_period_does_not_have_is_not_measured()
    {
        // Mon 2 to Tue 3 March: no Wednesday at all.
        var twoDays = ReportingPeriod.Between("2026-03-02", "2026-03-03", March.Zone);
        var pattern = new ArrivalPatterns(_history.Warehouse).Compute(twoDays);

        Assert.Equal(2, pattern.Tickets);
        Assert.All(pattern.Cells.Where(c => c.Day == IsoDayOfWeek.Wednesday), c => Assert.Null(c.PerDay));
        Assert.Equal(1.0, pattern.Cells.Single(c => c.Day == IsoDayOfWeek.Monday && c.Hour == 9).PerDay);
    }
}
