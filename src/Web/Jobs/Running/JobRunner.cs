using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Refresh;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Jobs.Running;

/// <summary>
/// Runs jobs: under the job's lock in the job storage (so never twice at once on any node), each run recorded in the
/// run ledger from start to end, report deliveries through the delivery ledger. <see cref="RunDue"/> is what the
/// scheduler calls (cron, start-up catch-up, retries); <see cref="RunNow"/> is `supportlens jobs run`.
/// </summary>
internal sealed class JobRunner(
    JobCatalog catalog,
    RunLedger runs,
    DeliveryLedger deliveries,
    JobLocks locks,
    DeliveryService delivery,
    MailTransports transports,
    IJobWakeups wakeups,
    IServiceProvider services,
    TimeProvider time,
    JobNode node)
{
    /// <summary>How soon a job whose lock was busy looks again.</summary>
    public static readonly TimeSpan BusyRecheck = TimeSpan.FromMinutes(1);

    public static string LockName(JobKind job) => $"job:{job.Name()}";

    /// <summary>
    /// Runs every period of the job that is due now (see <see cref="DuePlanner"/>), oldest first, then looks again until
    /// nothing is due, so work that fell due while it ran is not left for the next trigger. Returns the runs it made;
    /// none when another process holds the job (it will do the due work; this one looks again in a minute).
    /// </summary>
    public IReadOnlyList<JobRun> RunDue(JobKind kind, string reason, Action<string>? progress = null, CancellationToken cancel = default)
    {
        var job = catalog[kind];
        using var lease = locks.TryAcquire(LockName(kind));
        if (lease is null)
        {
            progress?.Invoke($"{job.Name}: {Busy(kind)}; looking again in {BusyRecheck.TotalMinutes:0} min");
            wakeups.WakeAt(kind, time.GetUtcNow() + BusyRecheck);
            return [];
        }

        var since = runs.ScheduleSince(job.Name);
        var made = new List<JobRun>();
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        while (!cancel.IsCancellationRequested && !lease.Lost.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var candidates = DuePlanner.Candidates(catalog, job, since, now);
            if (job.Kind != JobKind.Refresh)
            {
                // A newer refresh supersedes a failed one; a report period must still go out.
                candidates = DuePlanner.WithOpen(candidates, runs.OpenPeriods(job.Name).Select(p => JobPeriod.Parse(p, catalog.Settings.ReportingTimeZone)));
            }

            var plan = DuePlanner.Plan(candidates, runs.LatestByPeriod(job.Name, candidates.Select(c => c.Key).ToList()), now, reason);
            var todo = plan.Due.Where(d => attempted.Add(d.Period.Key)).ToList();
            if (todo.Count == 0)
            {
                if (plan.NextRetryAt is { } at)
                {
                    wakeups.WakeAt(kind, at);
                }

                break;
            }

            foreach (var due in todo.TakeWhile(_ => !cancel.IsCancellationRequested && !lease.Lost.IsCancellationRequested))
            {
                made.Add(Execute(job, due, lease, force: false, progress, cancel));
            }
        }

        return made;
    }

    /// <summary>
    /// Runs one period now, whatever the ledger says (a re-run renders again and sends only what was not sent), waiting
    /// up to <paramref name="wait"/> for the job's lock.
    /// </summary>
    /// <exception cref="JobBusyException">Another process kept the job for longer than <paramref name="wait"/>.</exception>
    public JobRun RunNow(JobKind kind, JobPeriod period, TimeSpan wait, Action<string>? progress = null, CancellationToken cancel = default)
    {
        var job = catalog[kind];
        using var lease = locks.Acquire(LockName(kind), wait, cancel) ?? throw new JobBusyException($"{job.Name} {Busy(kind)}; try again when it has finished.");
        var latest = runs.Latest(job.Name, period.Key);
        var attempt = latest is { IsOpen: true } ? latest.Attempt + 1 : 1;
        var run = Execute(job, new DueRun(period, RunReasons.Manual, attempt, latest is { Status: RunStatus.Running } ? latest : null), lease, force: true,
            progress, cancel);
        if (run is { Status: RunStatus.Failed, NextAttemptAt: { } next })
        {
            wakeups.WakeAt(kind, next);
        }

        return run;
    }

    private string Busy(JobKind kind) => locks.Holder(LockName(kind)) is { } holder
        ? string.Create(CultureInfo.InvariantCulture, $"is running on {holder.Node} since {holder.Since:yyyy-MM-dd HH:mm:ss} UTC")
        : "is running in another process";

    private JobRun Execute(JobDefinition job, DueRun due, JobLease lease, bool force, Action<string>? progress, CancellationToken cancel)
    {
        var period = due.Period;
        if (due.Stale is { } stale)
        {
            runs.Interrupt(stale.RunId, $"interrupted: {stale.Node} stopped before the run finished");
        }

        var previous = due.Attempt > 1 ? runs.Latest(job.Name, period.Key) : null;
        var runId = runs.Start(job.Name, period.Key, due.Reason, node.Id, due.Attempt);
        progress?.Invoke($"{job.Name} {period.Key}: attempt {due.Attempt} ({due.Reason}) on {node.Id}");
        var started = time.GetTimestamp();
        string? summary = null;
        int sent = 0, failed = 0;
        try
        {
            if (job.Kind == JobKind.Refresh)
            {
                var steps = services.GetRequiredService<RefreshService>().Run(force: false, step => progress?.Invoke($"  {step.Name}: {Step(step)}"));
                runs.Rendered(runId, steps.Select(s => $"{s.Name}: {Step(s)}").ToList());
                summary = $"{steps.Count(s => s.WasStale)} of {steps.Count} derived tables recomputed";
            }
            else
            {
                var outputs = Render(job, period, previous, force, progress);
                runs.Rendered(runId, outputs);
                cancel.ThrowIfCancellationRequested();
                var tally = delivery.Send(job.Name, period.Key, lease, progress, cancel);
                sent = tally.Sent + tally.Recovered;
                failed = tally.Failed;
                summary = string.Create(CultureInfo.InvariantCulture,
                    $"{outputs.Count(o => !o.StartsWith(NotePrefix, StringComparison.Ordinal))} reports; {sent} delivered, {failed} failed, {tally.NotTried} not tried");
                if (!tally.AllSent)
                {
                    throw new DeliveryIncompleteException(string.Create(CultureInfo.InvariantCulture,
                        $"{tally.Failed + tally.NotTried} deliveries not made: {string.Join("; ", tally.Errors.Take(3))}"));
                }
            }

            runs.Succeed(runId, summary, sent);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{job.Name} {period.Key}: succeeded in {time.GetElapsedTime(started).TotalSeconds:0.0} s: {summary}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var next = time.GetUtcNow() + RetryPolicy.DelayAfter(due.Attempt, catalog.Settings.Jobs.Retry);
            var error = e is OperationCanceledException ? "stopped: the process is shutting down" : $"{e.GetType().Name}: {e.Message}";
            runs.Fail(runId, error, summary, sent, failed, next);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{job.Name} {period.Key}: FAILED after {time.GetElapsedTime(started).TotalSeconds:0.0} s: {error}; next attempt at {next:yyyy-MM-dd HH:mm:ss} UTC"));
        }

        return runs.Latest(job.Name, period.Key)!;
    }

    internal const string NotePrefix = "note: ";

    /// <summary>
    /// The period's reports: rendered now, or, when an earlier attempt rendered them and planned their deliveries (and the
    /// files are still there), those, so a retry after a failed send only sends.
    /// </summary>
    private IReadOnlyList<string> Render(JobDefinition job, JobPeriod period, JobRun? previous, bool force, Action<string>? progress)
    {
        if (!force && previous is { Rendered: true } && deliveries.Unsent(job.Name, period.Key).All(d => File.Exists(d.File)))
        {
            progress?.Invoke($"  reports of attempt {previous.Attempt} reused: {previous.Outputs.Count} outputs");
            return previous.Outputs;
        }

        var rendered = services.GetRequiredService<ReportJobs>().Render(job, period, progress);
        deliveries.Plan(rendered.Deliveries, ReportMail.Domain(transports.From));
        foreach (var note in rendered.Notes)
        {
            progress?.Invoke($"  note: {note}");
        }

        return [.. rendered.Files, .. rendered.Notes.Select(n => NotePrefix + n)];
    }

    private static string Step(RefreshStep step) => step.WasStale
        ? string.Create(CultureInfo.InvariantCulture, $"{step.Rows:N0} rows in {step.Elapsed.TotalSeconds:0.0} s")
        : "up to date";
}

/// <summary>Another process holds the job's lock.</summary>
internal sealed class JobBusyException(string message) : Exception(message);

/// <summary>Some of a run's deliveries were not made; they stay in the ledger for the next attempt.</summary>
internal sealed class DeliveryIncompleteException(string message) : Exception(message);
