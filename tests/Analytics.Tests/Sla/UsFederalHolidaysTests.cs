using NodaTime;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Sla.TestTime;

namespace SupportLens.Analytics.Tests.Sla;

public class UsFederalHolidaysTests
{
    [Fact]
    public void Observed_dates_of_2026()
    {
        // OPM's 2026 list: Independence Day is a Saturday, so it is observed on Friday 3 July.
        var expected = new[]
        {
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
        }.Select(Date);

        Assert.Equal(expected, UsFederalHolidays.ObservedIn(2026).Select(h => h.Date));
    }

    [Fact]
    public void Weekend_holidays_move_to_friday_or_monday_even_across_the_year_end()
    {
        // 2027: Juneteenth Sat -> Fri 18 Jun, Independence Day Sun -> Mon 5 Jul, Christmas Sat -> Fri 24 Dec,
        // and New Year's Day 2028 (a Saturday) is observed on Fri 31 Dec 2027, so 2028 has no New Year holiday.
        var dates2027 = UsFederalHolidays.ObservedIn(2027).Select(h => h.Date).ToArray();
        Assert.Contains(Date("2027-06-18"), dates2027);
        Assert.Contains(Date("2027-07-05"), dates2027);
        Assert.Contains(Date("2027-12-24"), dates2027);
        Assert.Contains(Date("2027-12-31"), dates2027);
        Assert.Equal(12, dates2027.Length);
        Assert.DoesNotContain(UsFederalHolidays.ObservedIn(2028), h => h.Date.Month == 1 && h.Date.Day <= 2);
    }

    [Fact]
    public void Juneteenth_only_from_2021()
    {
        Assert.DoesNotContain(UsFederalHolidays.ObservedIn(2020), h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal));
        Assert.Contains(UsFederalHolidays.ObservedIn(2021), h => h.Date == new LocalDate(2021, 6, 18));
    }

    [Fact]
    public void Day_after_thanksgiving_is_a_business_day()
    {
        var us = HolidaySet.UsFederal;
        Assert.True(us.IsHoliday(Date("2026-11-26")));
        Assert.False(us.IsHoliday(Date("2026-11-27")));
    }

    [Fact]
    public void Explicit_dates_join_the_rules()
    {
        var set = new HolidaySet("us-plus", [UsFederalHolidays.RuleName], [new Holiday(Date("2026-12-24"), "Christmas Eve")]);
        Assert.True(set.IsHoliday(Date("2026-12-24")));
        Assert.True(set.IsHoliday(Date("2026-12-25")));
        Assert.Equal(12, set.InYear(2026).Count);
    }

    [Fact]
    public void Unknown_rule_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new HolidaySet("x", ["martian"], []));
        Assert.Contains("martian", error.Message, StringComparison.Ordinal);
    }
}
