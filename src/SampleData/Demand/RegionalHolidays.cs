using NodaTime;

namespace SupportLens.SampleData.Demand;

/// <summary>
/// The demand model's holidays: the days brokerages in each of our clients' regions are closed, so their ticket volume
/// drops. The US regions observe the support plan's own US holiday set (the one its business-hours calendars close on);
/// Canada, the UK &amp; Ireland and ANZ have theirs here, because only the demand model needs them: no SLA calendar of
/// the plan runs on them.
/// </summary>
internal static class RegionalHolidays
{
    private static readonly Dictionary<(string, int), HashSet<LocalDate>> Cache = [];
    private static readonly Lock CacheLock = new();

    internal static bool IsHoliday(string region, LocalDate date)
    {
        if (region.StartsWith("US ", StringComparison.Ordinal))
        {
            return SupportPlan.UsHolidays.IsHoliday(date);
        }
        lock (CacheLock)
        {
            if (!Cache.TryGetValue((region, date.Year), out var days))
            {
                days = [.. Compute(region, date.Year)];
                Cache[(region, date.Year)] = days;
            }
            return days.Contains(date);
        }
    }

    private static IEnumerable<LocalDate> Compute(string region, int year)
    {
        var easter = EasterSunday(year);
        switch (region)
        {
            case "Canada":
                yield return Observed(new LocalDate(year, 1, 1));
                yield return easter.PlusDays(-2);
                yield return LastWeekdayBefore(new LocalDate(year, 5, 25), IsoDayOfWeek.Monday); // Victoria Day
                yield return Observed(new LocalDate(year, 7, 1));
                yield return Nth(year, 9, IsoDayOfWeek.Monday, 1);
                yield return Nth(year, 10, IsoDayOfWeek.Monday, 2);
                yield return Observed(new LocalDate(year, 12, 25));
                yield return new LocalDate(year, 12, 26);
                break;
            case "UK & Ireland":
                yield return Observed(new LocalDate(year, 1, 1));
                yield return easter.PlusDays(-2);
                yield return easter.PlusDays(1);
                yield return Nth(year, 5, IsoDayOfWeek.Monday, 1);
                yield return Last(year, 5, IsoDayOfWeek.Monday);
                yield return Last(year, 8, IsoDayOfWeek.Monday);
                yield return Observed(new LocalDate(year, 12, 25));
                yield return new LocalDate(year, 12, 26);
                break;
            case "ANZ":
                yield return Observed(new LocalDate(year, 1, 1));
                yield return new LocalDate(year, 1, 26);
                yield return easter.PlusDays(-2);
                yield return easter.PlusDays(1);
                yield return new LocalDate(year, 4, 25);
                yield return Observed(new LocalDate(year, 12, 25));
                yield return new LocalDate(year, 12, 26);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(region), region, "No holidays known for this region.");
        }
    }

    private static LocalDate Observed(LocalDate day) => day.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => day.PlusDays(-1),
        IsoDayOfWeek.Sunday => day.PlusDays(1),
        _ => day,
    };

    private static LocalDate Nth(int year, int month, IsoDayOfWeek weekday, int n)
    {
        var first = new LocalDate(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.PlusDays(offset + 7 * (n - 1));
    }

    private static LocalDate Last(int year, int month, IsoDayOfWeek weekday)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.PlusDays(-offset);
    }

    private static LocalDate LastWeekdayBefore(LocalDate day, IsoDayOfWeek weekday)
    {
        var d = day.PlusDays(-1);
        while (d.DayOfWeek != weekday)
        {
            d = d.PlusDays(-1);
        }
        return d;
    }

    /// <summary>Anonymous Gregorian computus.</summary>
    private static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }
}
