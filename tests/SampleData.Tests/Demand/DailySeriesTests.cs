using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.SampleData.Tests.Demand;

/// <summary>
/// The daily ticket series has what real contact-centre series have, counted here from the tickets file itself: a strong
/// weekday pattern, dips on holidays, a level shift, and noise that is neither absent nor overwhelming.
/// </summary>
[Collection(SampleDataCollection.Name)]
public sealed class DailySeriesTests(SampleDataFixture fixture)
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private Dictionary<LocalDate, int> Daily()
    {
        var counts = new Dictionary<LocalDate, int>();
        for (var d = new LocalDate(2025, 5, 1); d < new LocalDate(2026, 11, 1); d = d.PlusDays(1))
        {
            counts[d] = 0;
        }
        foreach (var t in SampleFiles.Csv(fixture.File("tickets.csv.gz")))
        {
            var created = Instant.FromDateTimeOffset(DateTimeOffset.Parse(t["created_at"], CultureInfo.InvariantCulture));
            counts[created.InZone(NewYork).Date]++;
        }
        return counts;
    }

    private static bool Workday(LocalDate d) => d.DayOfWeek < IsoDayOfWeek.Saturday && !HolidaySet.UsFederal.IsHoliday(d);

    [Fact]
    public void Weekdays_carry_the_volume_and_weekends_are_quiet()
    {
        var daily = Daily();
        double Mean(IsoDayOfWeek day) => daily.Where(p => p.Key.DayOfWeek == day && !HolidaySet.UsFederal.IsHoliday(p.Key)).Average(p => p.Value);
        foreach (var day in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday })
        {
            Assert.True(Mean(day) > 4 * Mean(IsoDayOfWeek.Saturday), $"{day} {Mean(day):0.0}, Saturday {Mean(IsoDayOfWeek.Saturday):0.0}");
        }
        Assert.True(Mean(IsoDayOfWeek.Monday) > Mean(IsoDayOfWeek.Friday));
    }

    [Fact]
    public void US_holidays_on_weekdays_dip_against_the_same_weekday_a_week_either_side()
    {
        var daily = Daily();
        var holidays = daily.Keys.Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday && HolidaySet.UsFederal.IsHoliday(d)
            && daily.ContainsKey(d.PlusDays(-7)) && daily.ContainsKey(d.PlusDays(7))).ToList();
        Assert.True(holidays.Count >= 12, $"{holidays.Count} holidays");
        var onHolidays = holidays.Average(d => daily[d]);
        var around = holidays.Average(d => (daily[d.PlusDays(-7)] + daily[d.PlusDays(7)]) / 2.0);
        Assert.True(onHolidays < 0.7 * around, $"holidays {onHolidays:0.0}, same weekdays around {around:0.0}");
    }

    [Fact]
    public void The_level_rises_after_the_Voice_Agents_2_launch_and_stays_up_once_its_surge_is_over()
    {
        // The launch is the Tuesday after the history's fifth month's 15th: 2025-09-16 (sample-data/README.md).
        var launch = new LocalDate(2025, 9, 16);
        var daily = Daily();
        double Mean(LocalDate from, LocalDate until) => daily.Where(p => p.Key >= from && p.Key < until && Workday(p.Key)).Average(p => p.Value);
        var before = Mean(launch.PlusWeeks(-8), launch);
        var after = Mean(launch.PlusWeeks(3), launch.PlusWeeks(11));
        Assert.True(after > 1.1 * before, $"before {before:0.0}, after {after:0.0}");
        // It stays: the last quarter of the history is still above the level before the launch.
        Assert.True(Mean(new LocalDate(2026, 8, 1), new LocalDate(2026, 11, 1)) > 1.1 * before);
    }

    [Fact]
    public void Working_days_are_noisy_but_not_random()
    {
        var daily = Daily();
        var deviations = new List<double>();
        foreach (var day in daily.Keys.Where(Workday))
        {
            var around = new[] { -14, -7, 7, 14 }.Select(n => day.PlusDays(n)).Where(d => daily.ContainsKey(d) && Workday(d)).ToList();
            if (around.Count == 4)
            {
                deviations.Add(Math.Abs(daily[day] / around.Average(d => (double)daily[d]) - 1));
            }
        }
        var median = deviations.Order().ElementAt(deviations.Count / 2);
        // Poisson alone would give about 9 % at 80 tickets a day.
        Assert.InRange(median, 0.05, 0.25);
    }
}
