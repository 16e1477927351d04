using Microsoft.Extensions.Time.Testing;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Tests.Jobs.Running;

/// <summary>One job never runs twice at once, across processes sharing jobs.db; a dead holder's lock frees itself.</summary>
public sealed class NoOverlapTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-08-15T12:00:00Z"));

    private string Data => Path.Combine(_dir.Path, "data");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_second_process_finds_the_job_running_and_neither_runs_a_period_twice()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        var renderer = new TestRenderer(Data) { Hold = new ManualResetEventSlim() };
        using var a = new JobsHarness(Data, config, _time, "node-a", renderer).WithSampleClients();
        using var b = new JobsHarness(Data, config, _time, "node-b", renderer);
        a.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp);
        _time.SetUtcNow(DateTimeOffset.Parse("2026-09-01T10:05:00Z"));

        // Node a's scheduled run is inside its first render; node b's trigger for the same occurrence arrives.
        var first = Task.Run(() => a.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Schedule));
        SpinWait.SpinUntil(() => renderer.Requests.Count > 0, TimeSpan.FromSeconds(30));
        Assert.Empty(b.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Schedule));
        Assert.Equal((JobKind.MonthlyReports, _time.GetUtcNow() + JobRunner.BusyRecheck), b.Wakeups.All.Single());
        var busy = Assert.Throws<JobBusyException>(() => b.Runner.RunNow(JobKind.MonthlyReports,
            SupportLens.Web.Jobs.Scheduling.JobPeriod.Parse("2026-08", a.Get<JobCatalog>().Settings.ReportingTimeZone), TimeSpan.Zero));
        Assert.Contains("is running on node-a since 2026-09-01 10:05:00 UTC", busy.Message, StringComparison.Ordinal);

        renderer.Hold.Set();
        var run = Assert.Single(await first);
        Assert.Equal(("2026-08", RunStatus.Succeeded, "node-a"), (run.Period, run.Status, run.Node));
        Assert.Equal(1, renderer.MaxConcurrent);

        // b's wake-up a minute later finds the period done.
        _time.Advance(JobRunner.BusyRecheck);
        Assert.Empty(b.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Retry));
        Assert.Single(a.Runs.Recent(10, "monthly-reports"));
    }

    [Fact]
    public void Racing_triggers_on_many_threads_run_each_period_exactly_once()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        var renderer = new TestRenderer(Data);
        var nodes = Enumerable.Range(0, 4).Select(i => new JobsHarness(Data, config, _time, $"node-{i}", renderer)).ToList();
        try
        {
            nodes[0].WithSampleClients();
            nodes[0].Runner.RunDue(JobKind.WeeklyQuality, RunReasons.CatchUp);
            _time.SetUtcNow(DateTimeOffset.Parse("2026-09-07T10:00:00Z"));   // four Mondays later: weeks 33-36 missed, the newest 3 due

            var runs = nodes.AsParallel().WithDegreeOfParallelism(4)
                .SelectMany(n => Enumerable.Range(0, 5).SelectMany(_ => n.Runner.RunDue(JobKind.WeeklyQuality, RunReasons.Schedule))).ToList();

            Assert.Equal(["2026-W34", "2026-W35", "2026-W36"], runs.Select(r => r.Period).Order());
            Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
            Assert.Equal(1, renderer.MaxConcurrent);
            Assert.All(renderer.Requests.GroupBy(r => (r.PeriodKey, r.ReportId)), g => Assert.Single(g));
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Fact]
    public void A_living_holder_keeps_its_lock_a_dead_one_loses_it_after_the_lease_and_a_stalled_one_notices()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        using var a = new JobsHarness(Data, config, _time, "node-a");
        var otherClock = new FakeTimeProvider(_time.GetUtcNow());
        using var b = new JobsHarness(Data, config, otherClock, "node-b");

        // a holds the lock and keeps renewing it while its clock runs: b cannot take it, however long it waits.
        var living = a.Locks.TryAcquire("job:refresh")!;
        Assert.Null(b.Locks.TryAcquire("job:refresh"));
        _time.Advance(TimeSpan.FromMinutes(5));
        otherClock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(b.Locks.TryAcquire("job:refresh"));
        Assert.Equal("node-a", b.Locks.Holder("job:refresh")!.Value.Node);

        // a stalls (its clock, hence its heartbeat, stops); 60 s after its last renewal the lock is b's.
        otherClock.Advance(JobLocks.LeaseTime - TimeSpan.FromSeconds(1));
        Assert.Null(b.Locks.TryAcquire("job:refresh"));
        otherClock.Advance(TimeSpan.FromSeconds(2));
        using var taken = b.Locks.TryAcquire("job:refresh");
        Assert.NotNull(taken);

        // When a wakes up, its next heartbeat finds the lock gone: it stops before it could send anything more.
        living.EnsureHeld();
        _time.Advance(JobLocks.Heartbeat);
        Assert.True(living.Lost.IsCancellationRequested);
        Assert.Throws<LockLostException>(living.EnsureHeld);
        living.Dispose();   // does not release b's lock
        Assert.Equal("node-b", a.Locks.Holder("job:refresh")!.Value.Node);
    }
}
