using FsCheck.Xunit;
using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>Laws of business time, checked on calendars around DST changes and holidays in four zones. Seeded: reproducible.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarCases) }, MaxTest = 300, Replay = "20261101,1299709")]
public class BusinessCalendarProperties
{
    private static readonly DateTimeZone[] OtherZones =
        new[] { "Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns", "UTC" }.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();

    [Property]
    public void Additive(CalendarCase c) =>
        Assert.Equal(
            c.Calendar.BusinessTimeBetween(c.A, c.C),
            c.Calendar.BusinessTimeBetween(c.A, c.B) + c.Calendar.BusinessTimeBetween(c.B, c.C));

    [Property]
    public void Never_negative_never_more_than_wall_time(CalendarCase c)
    {
        var forward = c.Calendar.BusinessTimeBetween(c.A, c.C);
        Assert.InRange(forward, Duration.Zero, c.C - c.A);
        Assert.Equal(Duration.Zero, c.Calendar.BusinessTimeBetween(c.C, c.A));
    }

    [Property]
    public void Around_the_clock_equals_wall_time(CalendarCase c)
    {
        Assert.Equal(c.C - c.A, BusinessCalendar.AlwaysOpen.BusinessTimeBetween(c.A, c.C));
        // Open all day every day but with a holiday set, so the general walk runs instead of the shortcut.
        var allDay = new BusinessCalendar("all-day", c.Calendar.Zone, OpeningHours.AllWeek,
            new HolidaySet("never", [], [new Holiday(new LocalDate(1900, 1, 1), "long ago")]));
        Assert.False(allDay.IsAlwaysOpen);
        Assert.Equal(c.C - c.A, allDay.BusinessTimeBetween(c.A, c.C));
    }

    [Property]
    public void Unchanged_by_a_time_zone_round_trip(CalendarCase c)
    {
        var expected = c.Calendar.BusinessTimeBetween(c.A, c.C);
        foreach (var zone in OtherZones)
        {
            var a = c.A.InZone(zone).ToDateTimeOffset();
            var b = c.C.InZone(zone).ToDateTimeOffset();
            Assert.Equal(expected, c.Calendar.BusinessTimeBetween(Instant.FromDateTimeOffset(a), Instant.FromDateTimeOffset(b)));
            // Through the local wall time and offset of another zone, as an export in that zone would carry them.
            var localA = c.A.InZone(zone).ToOffsetDateTime();
            var localC = c.C.InZone(zone).ToOffsetDateTime();
            Assert.Equal(expected, c.Calendar.BusinessTimeBetween(
                localA.LocalDateTime.WithOffset(localA.Offset).ToInstant(), localC.LocalDateTime.WithOffset(localC.Offset).ToInstant()));
        }
    }

    [Property]
    public void Adding_is_the_inverse(CalendarCase c)
    {
        // The gap between B and C, read as business time to add from A.
        var d = c.C - c.B;
        var deadline = c.Calendar.AddBusinessTime(c.A, d);
        Assert.Equal(d, c.Calendar.BusinessTimeBetween(c.A, deadline));
        Assert.True(deadline >= c.A);
        if (d > Duration.Zero)
        {
            // The earliest such instant: a moment earlier the target was not reached yet.
            Assert.True(c.Calendar.BusinessTimeBetween(c.A, deadline - Duration.FromSeconds(1)) < d);
        }

        // The other way round: adding what elapsed never goes past the end.
        Assert.True(c.Calendar.AddBusinessTime(c.A, c.Calendar.BusinessTimeBetween(c.A, c.C)) <= c.C);
    }

    [Property]
    public void Next_opening_is_open_and_nothing_elapses_before_it(CalendarCase c)
    {
        var next = c.Calendar.NextOpening(c.B);
        Assert.True(next >= c.B);
        Assert.True(c.Calendar.IsOpen(next));
        Assert.Equal(Duration.Zero, c.Calendar.BusinessTimeBetween(c.B, next));
        Assert.Equal(next == c.B, c.Calendar.IsOpen(c.B));
    }

    [Property(MaxTest = 400)]
    public void Matches_counting_minute_by_minute(ShortCalendarCase c)
    {
        var minutes = 0;
        for (var t = c.A; t < c.B; t += Duration.FromMinutes(1))
        {
            var open = CalendarCases.OpenByDefinition(c.Calendar, t);
            Assert.Equal(open, c.Calendar.IsOpen(t));
            minutes += open ? 1 : 0;
        }

        Assert.Equal(Duration.FromMinutes(minutes), c.Calendar.BusinessTimeBetween(c.A, c.B));
    }

    [Fact]
    public void Matches_counting_minute_by_minute_through_every_dst_change()
    {
        // Exhaustive where it matters: from 30 h before to 30 h after each 2026 change, business time from the
        // window start to every minute equals the number of open minutes so far.
        foreach (var calendar in CalendarCases.Calendars)
        {
            foreach (var change in CalendarCases.Transitions(calendar.Zone))
            {
                var start = change - Duration.FromHours(30);
                var minutes = 0;
                for (var t = start; t < change + Duration.FromHours(30); t += Duration.FromMinutes(1))
                {
                    Assert.Equal(Duration.FromMinutes(minutes), calendar.BusinessTimeBetween(start, t));
                    minutes += CalendarCases.OpenByDefinition(calendar, t) ? 1 : 0;
                }
            }
        }
    }
}
