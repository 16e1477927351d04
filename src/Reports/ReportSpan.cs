using System.Globalization;
using NodaTime;
using NodaTime.Calendars;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Reports;

/// <summary>What a report covers: a calendar month, or an ISO week (the weekly quality reports).</summary>
public enum SpanKind
{
    Month,
    Week,
}

/// <summary>
/// The period of a report: "2026-10" (a month) or "2026-W47" (an ISO week, Monday to Sunday), cut in the reporting time
/// zone. The key names the folder under DATA/reports and the period in report_runs, as the jobs name it.
/// </summary>
public sealed record ReportSpan(SpanKind Kind, string Key, ReportingPeriod Period)
{
    private static readonly IWeekYearRule Iso = WeekYearRules.Iso;

    /// <summary>"2026-10" or "2026-W47".</summary>
    /// <exception cref="FormatException">Neither a month nor an ISO week.</exception>
    public static ReportSpan Parse(string key, DateTimeZone zone)
    {
        if (key.Length == 7 && key[4] == '-')
        {
            var month = ReportingPeriod.Month(key, zone);
            return new ReportSpan(SpanKind.Month, key, month);
        }

        if (key.Length == 8 && key[4..6] == "-W"
            && int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(key[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && year is >= 1900 and <= 9999 && week >= 1 && week <= Iso.GetWeeksInWeekYear(year, CalendarSystem.Iso))
        {
            return Week(Iso.GetLocalDate(year, week, IsoDayOfWeek.Monday), zone);
        }

        throw new FormatException($"'{key}' is not a month like 2026-10 or an ISO week like 2026-W47.");
    }

    public static ReportSpan Month(LocalDate anyDay, DateTimeZone zone)
    {
        var first = new LocalDate(anyDay.Year, anyDay.Month, 1);
        return new ReportSpan(SpanKind.Month, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), new ReportingPeriod(first, first.PlusMonths(1).PlusDays(-1), zone));
    }

    public static ReportSpan Week(LocalDate anyDay, DateTimeZone zone)
    {
        var monday = Iso.GetLocalDate(Iso.GetWeekYear(anyDay), Iso.GetWeekOfWeekYear(anyDay), IsoDayOfWeek.Monday);
        var key = string.Create(CultureInfo.InvariantCulture, $"{Iso.GetWeekYear(monday):D4}-W{Iso.GetWeekOfWeekYear(monday):D2}");
        return new ReportSpan(SpanKind.Week, key, new ReportingPeriod(monday, monday.PlusDays(6), zone));
    }

    /// <summary>The first day.</summary>
    public LocalDate Start => Period.From;

    /// <summary>"October 2026", "week 2026-W47 (16–22 Nov 2026)": how a page names it.</summary>
    public string Label => Kind == SpanKind.Month
        ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"week {Key} ({Start.ToString("d MMM", CultureInfo.InvariantCulture)}–{Period.To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})");

    /// <summary>"Oct 2026", "2026-W47": a row of a trend table.</summary>
    public string RowLabel => Kind == SpanKind.Month ? Start.ToString("MMM yyyy", CultureInfo.InvariantCulture) : Key;

    /// <summary>"Oct", "W47": a tile's "vs …".</summary>
    public string ShortLabel => Kind == SpanKind.Month ? Start.ToString("MMM", CultureInfo.InvariantCulture) : Key[5..];

    /// <summary>"month" or "week".</summary>
    public string Unit => Kind == SpanKind.Month ? "month" : "week";

    public ReportSpan Previous => Shift(-1);

    public ReportSpan Next => Shift(1);

    /// <summary>The span <paramref name="steps"/> months or weeks away.</summary>
    public ReportSpan Shift(int steps) => Kind == SpanKind.Month
        ? Month(Start.PlusMonths(steps), Period.Zone)
        : Week(Start.PlusWeeks(steps), Period.Zone);

    /// <summary>The <paramref name="count"/> spans ending with this one, oldest first.</summary>
    public IReadOnlyList<ReportSpan> Trailing(int count) => [.. Enumerable.Range(0, count).Select(i => Shift(i - count + 1))];
}
