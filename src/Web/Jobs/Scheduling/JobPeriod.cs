using System.Globalization;
using NodaTime;
using NodaTime.Calendars;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Web.Jobs.Scheduling;

/// <summary>How a job's runs are keyed.</summary>
internal enum PeriodKind
{
    /// <summary>One run per schedule occurrence (refresh): key "2026-11-30T02:00" in the jobs' time zone.</summary>
    Occurrence,

    /// <summary>An ISO week, Monday to Sunday in the reporting time zone: key "2026-W47".</summary>
    Week,

    /// <summary>A calendar month in the reporting time zone: key "2026-10".</summary>
    Month,
}

/// <summary>
/// What one run of a job covers. Its <see cref="Key"/> is half of the run ledger's key and a third of the delivery
/// ledger's (report, period, recipient), so it must never change for the same period.
/// </summary>
internal sealed record JobPeriod(PeriodKind Kind, string Key, ReportingPeriod? Range)
{
    private static readonly IWeekYearRule Iso = WeekYearRules.Iso;

    public static JobPeriod Month(LocalDate anyDay, DateTimeZone reportingZone)
    {
        var first = new LocalDate(anyDay.Year, anyDay.Month, 1);
        return new JobPeriod(PeriodKind.Month, first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            new ReportingPeriod(first, first.PlusMonths(1).PlusDays(-1), reportingZone));
    }

    public static JobPeriod Week(LocalDate anyDay, DateTimeZone reportingZone)
    {
        var monday = Iso.GetLocalDate(Iso.GetWeekYear(anyDay), Iso.GetWeekOfWeekYear(anyDay), IsoDayOfWeek.Monday);
        var key = string.Create(CultureInfo.InvariantCulture, $"{Iso.GetWeekYear(monday):D4}-W{Iso.GetWeekOfWeekYear(monday):D2}");
        return new JobPeriod(PeriodKind.Week, key, new ReportingPeriod(monday, monday.PlusDays(6), reportingZone));
    }

    public static JobPeriod Occurrence(DateTimeOffset occurrence, DateTimeZone jobsZone)
    {
        var local = Instant.FromDateTimeOffset(occurrence).InZone(jobsZone).LocalDateTime;
        var pattern = local.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
        return new JobPeriod(PeriodKind.Occurrence, local.ToString(pattern, CultureInfo.InvariantCulture), null);
    }

    /// <summary>"2026-10" or "2026-W47", as `jobs run --month/--week` take them.</summary>
    public static JobPeriod Parse(string key, DateTimeZone reportingZone)
    {
        if (key.Length == 7 && DateTime.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return Month(LocalDate.FromDateTime(month), reportingZone);
        }

        if (key.Length == 8 && key[4..6] == "-W"
            && int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(key[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && year is >= 1900 and <= 9999 && week >= 1 && week <= Iso.GetWeeksInWeekYear(year, CalendarSystem.Iso))
        {
            return Week(Iso.GetLocalDate(year, week, IsoDayOfWeek.Monday), reportingZone);
        }

        throw new FormatException($"'{key}' is not a month like 2026-10 or an ISO week like 2026-W47.");
    }

    /// <summary>"October 2026", "week 2026-W47 (16 Nov - 22 Nov 2026)" or the occurrence itself.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => Range!.From.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture,
            $"week {Key} ({Range!.From.ToString("d MMM", CultureInfo.InvariantCulture)} - {Range.To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})"),
        _ => Key,
    };

    public override string ToString() => Key;
}
