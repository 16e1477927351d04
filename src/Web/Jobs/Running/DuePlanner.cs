using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Jobs.Running;

/// <summary>A period to run now: why, which attempt, and the stale run it replaces if any.</summary>
internal sealed record DueRun(JobPeriod Period, string Reason, int Attempt, JobRun? Stale);

/// <summary>What is due now, and when the earliest failed period may be tried again.</summary>
internal sealed record DuePlan(IReadOnlyList<DueRun> Due, DateTimeOffset? NextRetryAt);

/// <summary>
/// Decides, from the schedule and the run ledger alone, which periods of a job are due at an instant: the same answer in
/// every process, whether it was woken by its cron, by start-up catch-up or by a retry. Pure, so tests drive it with
/// any clock.
///
/// Rules: the candidate periods are those of the schedule's occurrences since the job was first registered, the newest
/// <see cref="JobDefinition.CatchUpMaxPeriods"/> of them (refresh: only the newest; older refreshes are superseded).
/// A candidate with no run, or whose last run was left "running" by a dead process, is due; one that failed is due
/// again once its backoff has passed; one that succeeded is done. Report periods whose last run failed stay candidates
/// however old (<see cref="WithOpen"/>).
/// </summary>
internal static class DuePlanner
{
    /// <summary>
    /// An occurrence less than this far ahead counts as come: the scheduler's clock (with PostgreSQL, the database's) may
    /// lead ours by seconds, and a trigger that found nothing due would leave its period to the next occurrence. Never
    /// more than half the gap between occurrences, so a schedule every few seconds does not run its next period early.
    /// </summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    /// <summary>How far back occurrences are looked for: more than a year, so a yearly cron still finds its last one.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(400);

    /// <summary>The candidate periods at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<JobPeriod> Candidates(JobCatalog catalog, JobDefinition job, DateTimeOffset since, DateTimeOffset now)
    {
        var from = since > now - Lookback ? since : now - Lookback;
        var periods = new List<JobPeriod>();
        foreach (var occurrence in job.Schedule.Between(from, now + Tolerance(job.Schedule, now)))
        {
            var period = catalog.PeriodOf(job, occurrence);
            if (periods.Count == 0 || periods[^1].Key != period.Key)
            {
                periods.Add(period);
            }
        }

        return periods.Count > job.CatchUpMaxPeriods ? periods[^job.CatchUpMaxPeriods..] : periods;
    }

    /// <summary>
    /// The candidates plus every period whose last run did not succeed (a failed `jobs run` of an older month, or one that
    /// fell out of the catch-up window while failing): a failure is retried until it succeeds, never dropped.
    /// </summary>
    public static IReadOnlyList<JobPeriod> WithOpen(IReadOnlyList<JobPeriod> candidates, IEnumerable<JobPeriod> open)
    {
        var keys = candidates.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return [.. open.Where(p => keys.Add(p.Key)), .. candidates];
    }

    public static TimeSpan Tolerance(CronSchedule schedule, DateTimeOffset now)
    {
        if (schedule.Next(now) is { } next && schedule.Next(next) is { } after && (after - next) / 2 < ClockTolerance)
        {
            return (after - next) / 2;
        }

        return ClockTolerance;
    }

    /// <param name="latest">The latest run of each candidate period that has one.</param>
    /// <param name="reason">Why the planner was asked: <see cref="RunReasons.Schedule"/> labels the newest period's first run.</param>
    public static DuePlan Plan(IReadOnlyList<JobPeriod> candidates, IReadOnlyDictionary<string, JobRun> latest, DateTimeOffset now, string reason)
    {
        var due = new List<DueRun>();
        DateTimeOffset? nextRetry = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var period = candidates[i];
            if (!latest.TryGetValue(period.Key, out var run))
            {
                var newest = i == candidates.Count - 1;
                due.Add(new DueRun(period, newest && reason == RunReasons.Schedule ? RunReasons.Schedule : RunReasons.CatchUp, 1, null));
                continue;
            }

            switch (run.Status)
            {
                case RunStatus.Succeeded:
                    break;
                case RunStatus.Running:
                    // The caller holds the job's lock, so no live process is running it: its process died mid-run.
                    due.Add(new DueRun(period, RunReasons.Retry, run.Attempt + 1, run));
                    break;
                default:
                    if (run.NextAttemptAt is not { } at || at <= now)
                    {
                        due.Add(new DueRun(period, RunReasons.Retry, run.Attempt + 1, null));
                    }
                    else if (nextRetry is null || at < nextRetry)
                    {
                        nextRetry = at;
                    }

                    break;
            }
        }

        return new DuePlan(due, nextRetry);
    }
}
