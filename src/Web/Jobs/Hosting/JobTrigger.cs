using System.ComponentModel;
using Hangfire;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Jobs.Hosting;

/// <summary>
/// What Hangfire calls: the recurring jobs (reason "schedule"), the start-up catch-up and the retry wake-ups. Hangfire's
/// own retries are off: a failed period's retry time is in the run ledger, where every process sees it, and a wake-up
/// is scheduled for it. A run that failed still fails the Hangfire job, so the dashboard lists it.
/// </summary>
internal sealed class JobTrigger(JobRunner runner)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [DisplayName("{0} ({1})")]
    public void Run(string job, string reason, CancellationToken cancellationToken)
    {
        if (!JobKinds.TryParse(job, out var kind))
        {
            throw new ArgumentException($"unknown job \"{job}\"; jobs are {JobKinds.Names}", nameof(job));
        }

        var failed = runner.RunDue(kind, reason, cancel: cancellationToken).Where(r => r.Status != RunStatus.Succeeded).ToList();
        if (failed.Count > 0)
        {
            throw new JobRunFailedException(string.Join("; ", failed.Select(r =>
                $"{r.Job} {r.Period} attempt {r.Attempt} failed: {r.Error} (next attempt {r.NextAttemptAt:yyyy-MM-dd HH:mm:ss} UTC)")));
        }
    }
}

/// <summary>A run recorded as failed in the run ledger, surfaced to the Hangfire dashboard.</summary>
internal sealed class JobRunFailedException(string message) : Exception(message);
