namespace SupportLens.Reports.Tests;

public sealed class ReportingZoneTests
{
    [Fact]
    public void Stamps_carry_the_abbreviation_in_force_at_the_instant()
    {
        var zone = ReportingZone.NewYork;

        Assert.Equal("2026-12-01 06:00 EST", zone.FormatStamp(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-07-01 07:00 EDT", zone.FormatStamp(new DateTimeOffset(2026, 7, 1, 11, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Days_start_at_local_midnight_and_instants_read_as_local_wall_time()
    {
        var zone = ReportingZone.NewYork;

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-4)), zone.StartOfDay(new DateOnly(2026, 11, 1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(-5)), zone.StartOfDay(new DateOnly(2026, 11, 2)));
        // 03:00 UTC on 1 November is still 31 October, 23:00, in New York.
        Assert.Equal(new DateTime(2026, 10, 31, 23, 0, 0), zone.ToLocal(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_unknown_zone_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportingZone.Of("Mars/Olympus_Mons"));

        Assert.Contains("Mars/Olympus_Mons", error.Message);
    }
}
