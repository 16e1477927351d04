using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>A calendar and three instants near one of its zone's DST changes or holidays, in order A &lt;= B &lt;= C.</summary>
public sealed record CalendarCase(BusinessCalendar Calendar, Instant A, Instant B, Instant C)
{
    public override string ToString() => $"{Calendar.Name} in {Calendar.Zone.Id}: {A} / {B} / {C}";
}

/// <summary>Same, but spanning at most a few days, for the minute-by-minute oracle.</summary>
public sealed record ShortCalendarCase(BusinessCalendar Calendar, Instant A, Instant B)
{
    public override string ToString() => $"{Calendar.Name} in {Calendar.Zone.Id}: {A} .. {B}";
}

/// <summary>FsCheck generators: calendars in four zones (two northern DST rules, a southern one, a fixed +05:30).</summary>
public static class CalendarCases
{
    public static readonly IReadOnlyList<BusinessCalendar> Calendars = BuildCalendars();

    public static Arbitrary<CalendarCase> Cases() => Arb.From(
        from calendar in Gen.Elements(Calendars.ToArray())
        from anchor in Gen.Elements(Anchors(calendar.Zone))
        from x in Gen.Choose(-40 * 24 * 60, 40 * 24 * 60)
        from y in Gen.Choose(-40 * 24 * 60, 40 * 24 * 60)
        from z in Gen.Choose(-40 * 24 * 60, 40 * 24 * 60)
        let sorted = new[] { x, y, z }.Order().Select(m => anchor + Duration.FromMinutes(m)).ToArray()
        select new CalendarCase(calendar, sorted[0], sorted[1], sorted[2]));

    public static Arbitrary<ShortCalendarCase> ShortCases() => Arb.From(
        from calendar in Gen.Elements(Calendars.ToArray())
        from anchor in Gen.Elements(Anchors(calendar.Zone))
        from x in Gen.Choose(-30 * 60, 6 * 60)
        from length in Gen.Choose(0, 2 * 24 * 60)
        let a = anchor + Duration.FromMinutes(x)
        select new ShortCalendarCase(calendar, a, a + Duration.FromMinutes(length)));

    /// <summary>Independent definition of "open": local date not a holiday and local time inside a weekday interval.</summary>
    public static bool OpenByDefinition(BusinessCalendar calendar, Instant instant)
    {
        var local = instant.InZone(calendar.Zone).LocalDateTime;
        return !calendar.Holidays.IsHoliday(local.Date) && calendar.Hours.Any(h =>
            h.Day == local.DayOfWeek && local.TimeOfDay >= h.Opens && (h.Closes == LocalTime.Midnight || local.TimeOfDay < h.Closes));
    }

    /// <summary>DST changes of 2026 in the zone (none in Kolkata).</summary>
    public static IEnumerable<Instant> Transitions(DateTimeZone zone)
    {
        var year = new NodaTime.Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0));
        return zone.GetZoneIntervals(year).Where(i => i.HasStart && year.Contains(i.Start)).Select(i => i.Start);
    }

    /// <summary>DST changes weigh three times a holiday: they are where calendars go wrong.</summary>
    private static Instant[] Anchors(DateTimeZone zone)
    {
        var transitions = Transitions(zone).ToArray();
        var holidays = new[] { new LocalDate(2026, 4, 3), new LocalDate(2026, 11, 26), new LocalDate(2026, 12, 25), new LocalDate(2026, 7, 3) }
            .Select(d => d.At(new LocalTime(17, 0)).InZoneLeniently(zone).ToInstant());
        return transitions.Concat(transitions).Concat(transitions).Concat(holidays).Append(Instant.FromUtc(2026, 6, 1, 12, 0)).ToArray();
    }

    private static List<BusinessCalendar> BuildCalendars()
    {
        var regional = new HolidaySet("regional", [],
            new[] { "2026-04-03", "2026-04-06", "2026-10-26", "2026-12-25", "2026-12-28", "2026-03-30", "2026-10-05" }
                .Select(d => new Holiday(TestTime.Date(d), "Holiday")));
        var everyDay = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).ToArray();
        var list = new List<BusinessCalendar>();
        foreach (var zone in new[] { TestTime.NewYork, TestTime.London, TestTime.Sydney, TestTime.Kolkata })
        {
            var holidays = zone == TestTime.NewYork ? HolidaySet.UsFederal : regional;
            list.Add(new BusinessCalendar("weekdays", zone, OpeningHours.Weekdays(new LocalTime(9, 0), new LocalTime(18, 0)), holidays));
            // Open across the small hours, where DST changes happen.
            list.Add(new BusinessCalendar("nights", zone, everyDay.SelectMany(d => new[]
            {
                new OpeningHours(d, LocalTime.Midnight, new LocalTime(3, 30)),
                new OpeningHours(d, new LocalTime(22, 0), LocalTime.Midnight),
            }), holidays));
            list.Add(new BusinessCalendar("split", zone, everyDay.SelectMany(d => d == IsoDayOfWeek.Sunday
                ? new[] { new OpeningHours(d, new LocalTime(1, 30), new LocalTime(2, 45)) }
                : [
                    new OpeningHours(d, new LocalTime(1, 30), new LocalTime(2, 45)),
                    new OpeningHours(d, new LocalTime(8, 0), new LocalTime(12, 0)),
                    new OpeningHours(d, new LocalTime(13, 0), new LocalTime(17, 30)),
                ]), holidays));
        }

        return list;
    }
}
