using SupportLens.Analytics.Configuration;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Jobs;

/// <summary>One scheduled job: its schedule, what period each occurrence stands for, and how far back it catches up.</summary>
/// <param name="CatchUpMaxPeriods">Missed periods run at start, newest ones first; refresh only ever needs the latest.</param>
internal sealed record JobDefinition(JobKind Kind, string Description, CronSchedule Schedule, PeriodRule Rule, int CatchUpMaxPeriods)
{
    public string Name => Kind.Name();
}

/// <summary>The three jobs as the configuration schedules them.</summary>
internal sealed class JobCatalog
{
    private readonly Dictionary<JobKind, JobDefinition> _jobs;

    public JobCatalog(SupportLensSettings settings)
    {
        var jobs = settings.Jobs;
        var zone = jobs.SystemTimeZone;
        Settings = settings;
        _jobs = new[]
        {
            new JobDefinition(JobKind.Refresh, "Recompute the derived tables (SLA ledger, data horizons, forecasts, health, spikes)",
                new CronSchedule(jobs.Schedules.Refresh, zone), PeriodRule.EachOccurrence, 1),
            new JobDefinition(JobKind.WeeklyQuality, "CSAT, NPS, FCR and SLA PDFs of the last complete week, to the QA list",
                new CronSchedule(jobs.Schedules.WeeklyQuality, zone), PeriodRule.LastCompleteWeek, jobs.CatchUpMaxPeriods),
            new JobDefinition(JobKind.MonthlyReports, "Executive pack and one client-health PDF per active client for the previous month",
                new CronSchedule(jobs.Schedules.MonthlyReports, zone), PeriodRule.LastCompleteMonth, jobs.CatchUpMaxPeriods),
        }.ToDictionary(j => j.Kind);
    }

    public SupportLensSettings Settings { get; }

    public IEnumerable<JobDefinition> All => JobKinds.All.Select(k => _jobs[k]);

    public JobDefinition this[JobKind kind] => _jobs[kind];

    /// <summary>The period an occurrence of <paramref name="job"/> stands for.</summary>
    public JobPeriod PeriodOf(JobDefinition job, DateTimeOffset occurrence) =>
        job.Rule.PeriodOf(occurrence, Settings.Jobs.TimeZone, Settings.ReportingTimeZone);
}
