using NodaTime;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Sla.TestTime;

namespace SupportLens.Analytics.Tests.Sla;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar NyBusinessHours = new(
        "ny", NewYork, OpeningHours.Weekdays(new LocalTime(9, 0), new LocalTime(18, 0)), HolidaySet.UsFederal);

    private static BusinessCalendar Daily(DateTimeZone zone, int opens, int closes) => new(
        "daily", zone,
        Enumerable.Range(1, 7).Select(d => new OpeningHours((IsoDayOfWeek)d, new LocalTime(opens, 0), new LocalTime(closes % 24, 0))));

    [Fact]
    public void Nine_to_six_is_nine_hours_on_both_dst_sundays()
    {
        // The 02:00 jumps are outside 09:00–18:00, so the local day keeps its 9 h.
        var calendar = Daily(NewYork, 9, 18);
        Assert.Equal(Hours(9), calendar.BusinessTimeBetween(Ny("2026-03-08 00:00"), Ny("2026-03-09 00:00")));
        Assert.Equal(Hours(9), calendar.BusinessTimeBetween(Ny("2026-11-01 00:00"), Ny("2026-11-02 00:00")));
    }

    [Fact]
    public void A_dst_change_inside_the_open_hours_counts_real_elapsed_time()
    {
        // Open 00:00–06:00 local. 8 Mar 2026: 02:00 EST jumps to 03:00 EDT, so 00:00 EST (05:00Z) to 06:00 EDT
        // (10:00Z) is 5 h. 1 Nov 2026: 02:00 EDT falls back to 01:00 EST, so 00:00 EDT (04:00Z) to 06:00 EST (11:00Z) is 7 h.
        var calendar = Daily(NewYork, 0, 6);
        Assert.Equal(Hours(5), calendar.BusinessTimeBetween(Utc("2026-03-08T00:00:00Z"), Utc("2026-03-09T00:00:00Z")));
        Assert.Equal(Hours(7), calendar.BusinessTimeBetween(Utc("2026-11-01T00:00:00Z"), Utc("2026-11-02T00:00:00Z")));

        // Both passes through 01:xx on 1 Nov are open; the skipped 02:xx on 8 Mar never happens.
        Assert.True(calendar.IsOpen(Utc("2026-11-01T05:30:00Z")));   // 01:30 EDT
        Assert.True(calendar.IsOpen(Utc("2026-11-01T06:30:00Z")));   // 01:30 EST
        Assert.Equal(Utc("2026-03-08T07:00:00Z"), calendar.AddBusinessTime(Utc("2026-03-08T05:00:00Z"), Hours(2))); // 00:00 EST + 2 h = 03:00 EDT
    }

    [Fact]
    public void Weekend_and_holiday_are_closed()
    {
        // Thu 26 Nov 2026 is Thanksgiving; Fri 27 Nov is an ordinary business day.
        // Wed 25 Nov 17:00 -> Mon 30 Nov 10:00 = Wed 1 h + Fri 9 h + Mon 1 h = 11 h.
        Assert.Equal(Hours(11), NyBusinessHours.BusinessTimeBetween(Ny("2026-11-25 17:00"), Ny("2026-11-30 10:00")));
        Assert.False(NyBusinessHours.IsOpen(Ny("2026-11-26 12:00")));
        Assert.True(NyBusinessHours.IsOpen(Ny("2026-11-27 12:00")));
        Assert.False(NyBusinessHours.IsOpen(Ny("2026-11-28 12:00")));
    }

    [Fact]
    public void Open_at_start_closed_at_end()
    {
        Assert.True(NyBusinessHours.IsOpen(Ny("2026-01-13 09:00")));
        Assert.True(NyBusinessHours.IsOpen(Ny("2026-01-13 17:59")));
        Assert.False(NyBusinessHours.IsOpen(Ny("2026-01-13 18:00")));
        Assert.False(NyBusinessHours.IsOpen(Ny("2026-01-13 08:59")));
    }

    [Fact]
    public void Next_opening_skips_nights_weekends_and_holidays()
    {
        Assert.Equal(Ny("2026-01-14 09:00"), NyBusinessHours.NextOpening(Ny("2026-01-13 22:00")));
        Assert.Equal(Ny("2026-01-13 10:00"), NyBusinessHours.NextOpening(Ny("2026-01-13 10:00")));  // already open
        Assert.Equal(Ny("2026-11-27 09:00"), NyBusinessHours.NextOpening(Ny("2026-11-25 18:30")));  // over Thanksgiving
        Assert.Equal(Ny("2026-07-06 09:00"), NyBusinessHours.NextOpening(Ny("2026-07-02 18:00")));  // Fri 3 Jul observed
    }

    [Fact]
    public void Nothing_elapses_backwards()
    {
        Assert.Equal(Duration.Zero, NyBusinessHours.BusinessTimeBetween(Ny("2026-01-14 12:00"), Ny("2026-01-13 12:00")));
        Assert.Equal(Ny("2026-01-13 22:00"), NyBusinessHours.AddBusinessTime(Ny("2026-01-13 22:00"), Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => NyBusinessHours.AddBusinessTime(Ny("2026-01-13 22:00"), Hours(-1)));
    }

    [Fact]
    public void Deadline_lands_inside_the_next_open_day()
    {
        // Tue 13 Jan 2026 17:00 + 8 h = Tue 1 h + Wed 09:00 + 7 h = Wed 16:00.
        Assert.Equal(Ny("2026-01-14 16:00"), NyBusinessHours.AddBusinessTime(Ny("2026-01-13 17:00"), Hours(8)));
        // Exactly a full day ends at closing time, not at the next opening.
        Assert.Equal(Ny("2026-01-14 18:00"), NyBusinessHours.AddBusinessTime(Ny("2026-01-14 09:00"), Hours(9)));
    }

    [Fact]
    public void Sydney_easter_weekend_with_dst_ending()
    {
        // NSW: Good Friday 3 Apr, Easter Saturday 4, Easter Sunday 5 (DST ends 03:00 AEDT -> 02:00 AEST), Easter Monday 6.
        var easter = new HolidaySet("nsw-easter-2026", [],
            new[] { "2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06" }.Select(d => new Holiday(Date(d), "Easter")));
        var sydney = new BusinessCalendar(
            "sydney", Sydney, OpeningHours.Weekdays(new LocalTime(9, 0), new LocalTime(17, 0)), easter);

        // Created Good Friday 20:00 AEDT (+11) = 09:00Z. Next opening Tue 7 Apr 09:00 AEST (+10) = Mon 23:00Z;
        // + 8 h = Tue 17:00 AEST = 07:00Z.
        var created = Utc("2026-04-03T09:00:00Z");
        Assert.Equal(At(Sydney, "2026-04-03 20:00"), created);
        Assert.Equal(Utc("2026-04-06T23:00:00Z"), sydney.NextOpening(created));
        Assert.Equal(Utc("2026-04-07T07:00:00Z"), sydney.AddBusinessTime(created, Hours(8)));
    }

    [Fact]
    public void Kolkata_half_hour_offset()
    {
        // 09:30–18:30 IST (+05:30) = 04:00Z–13:00Z, Mon–Fri.
        var kolkata = new BusinessCalendar("in", Kolkata, OpeningHours.Weekdays(new LocalTime(9, 30), new LocalTime(18, 30)));
        Assert.Equal(Hours(9), kolkata.BusinessTimeBetween(Utc("2026-03-09T00:00:00Z"), Utc("2026-03-10T00:00:00Z")));
        Assert.True(kolkata.IsOpen(Utc("2026-03-09T04:00:00Z")));
        Assert.False(kolkata.IsOpen(Utc("2026-03-09T03:59:00Z")));
    }

    [Fact]
    public void Zendesk_seed_schedule_with_holiday_range()
    {
        // dbt-seeds schedule_data.csv "SupportCA": minutes from Sunday 00:00 1920–2640 (Mon 08:00–20:00) ... 7680–8400
        // (Fri 08:00–20:00), "Pacific Time (US & Canada)"; schedule_holiday_data.csv: 26–27 Dec 2022 and 29 Dec 2022.
        var holidays = new HolidaySet("zendesk", [],
            new[] { "2022-12-26", "2022-12-27", "2022-12-29" }.Select(d => new Holiday(Date(d), "Test Holiday")));
        var supportCa = new BusinessCalendar(
            "SupportCA", LosAngeles, OpeningHours.Weekdays(new LocalTime(8, 0), new LocalTime(20, 0)), holidays);

        // Fri 23 Dec 19:00 -> Fri 30 Dec 09:00 = Fri 1 h + Wed 28 12 h + Fri 30 1 h = 14 h.
        Assert.Equal(Hours(14), supportCa.BusinessTimeBetween(At(LosAngeles, "2022-12-23 19:00"), At(LosAngeles, "2022-12-30 09:00")));
    }

    [Fact]
    public void Split_and_touching_intervals_are_merged()
    {
        var calendar = new BusinessCalendar("split", London,
        [
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(12, 0)),
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(12, 0), new LocalTime(13, 0)),
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(0, 0)),
        ]);

        Assert.Equal(2, calendar.Hours.Count);
        // Mon 29 Jun 2026 (BST): 08:00–13:00 + 14:00–24:00 = 15 h.
        Assert.Equal(Hours(15), calendar.BusinessTimeBetween(At(London, "2026-06-29 00:00"), At(London, "2026-06-30 00:00")));
    }

    [Fact]
    public void Crossing_midnight_must_be_split()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("x", London,
            [new OpeningHours(IsoDayOfWeek.Friday, new LocalTime(22, 0), new LocalTime(2, 0))]));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("x", London, []));
    }

    [Fact]
    public void Ten_years_are_walked_quickly_and_exactly()
    {
        // Mon 31 Dec 2035 18:00 is the last open instant. 2026..2035 on Mon–Fri 09:00–18:00 less US federal holidays: (weekdays - weekday holidays) * 9 h.
        var start = Ny("2026-01-01 00:00");
        var end = Ny("2036-01-01 00:00");
        var days = 0;
        for (var d = new LocalDate(2026, 1, 1); d < new LocalDate(2036, 1, 1); d = d.PlusDays(1))
        {
            if (d.DayOfWeek < IsoDayOfWeek.Saturday && !HolidaySet.UsFederal.IsHoliday(d))
            {
                days++;
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(Duration.FromHours(9L * days), NyBusinessHours.BusinessTimeBetween(start, end));
        Assert.Equal(end - Duration.FromHours(6), NyBusinessHours.AddBusinessTime(start, Duration.FromHours(9L * days)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Always_open_is_wall_time()
    {
        var a = Utc("2026-03-08T06:00:00Z");
        Assert.Equal(Hours(48), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(a, a + Hours(48)));
        Assert.Equal(a, BusinessCalendar.AlwaysOpen.NextOpening(a));
        Assert.True(Daily(NewYork, 0, 0).IsAlwaysOpen);
    }
}
