using NodaTime;

namespace SupportLens.Web.Jobs.Scheduling;

/// <summary>Which period an occurrence of a job's schedule stands for.</summary>
internal enum PeriodRule
{
    /// <summary>The occurrence itself (refresh: each nightly run is its own).</summary>
    EachOccurrence,

    /// <summary>The last ISO week that had ended by the occurrence, in the reporting time zone.</summary>
    LastCompleteWeek,

    /// <summary>The last month that had ended by the occurrence, in the reporting time zone.</summary>
    LastCompleteMonth,
}

internal static class PeriodRules
{
    /// <summary>
    /// The period an occurrence stands for. Periods are cut in the reporting time zone whatever zone the cron is read in,
    /// so a schedule that fires before a month has ended there reports the month before it.
    /// </summary>
    public static JobPeriod PeriodOf(this PeriodRule rule, DateTimeOffset occurrence, DateTimeZone jobsZone, DateTimeZone reportingZone)
    {
        var day = Instant.FromDateTimeOffset(occurrence).InZone(reportingZone).Date;
        return rule switch
        {
            PeriodRule.EachOccurrence => JobPeriod.Occurrence(occurrence, jobsZone),
            // The week containing `day` has not ended (its Sunday midnight is still ahead), so the one before it is the last complete.
            PeriodRule.LastCompleteWeek => JobPeriod.Week(day.PlusWeeks(-1), reportingZone),
            PeriodRule.LastCompleteMonth => JobPeriod.Month(day.PlusMonths(-1), reportingZone),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }
}
