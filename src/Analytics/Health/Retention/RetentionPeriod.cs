using System.Globalization;
using NodaTime;

namespace SupportLens.Analytics.Health.Retention;

/// <summary>A run of whole days, <see cref="Start"/> to <see cref="End"/> inclusive, over which retention is measured.</summary>
public sealed record RetentionPeriod(string Name, LocalDate Start, LocalDate End)
{
    /// <summary>Calendar quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>, named "2026-Q1".</summary>
    public static RetentionPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new RetentionPeriod(string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter}"), start, start.PlusMonths(3).PlusDays(-1));
    }

    /// <summary>The calendar quarter that holds <paramref name="day"/>.</summary>
    public static RetentionPeriod QuarterOf(LocalDate day) => Quarter(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>Calendar year <paramref name="year"/>, named "2026".</summary>
    public static RetentionPeriod Year(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));

    /// <summary>The <paramref name="months"/> months that end with <paramref name="end"/> (3: a trailing quarter, 12: a trailing year).</summary>
    public static RetentionPeriod Trailing(LocalDate end, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return new RetentionPeriod(
            string.Create(CultureInfo.InvariantCulture, $"{months} months to {end:yyyy-MM-dd}"), end.PlusMonths(-months).PlusDays(1), end);
    }
}
