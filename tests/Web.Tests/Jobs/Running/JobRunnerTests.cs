using Microsoft.Extensions.Time.Testing;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Tests.Jobs.Running;

/// <summary>The runner against a real jobs.db and outbox, on a fake clock: catch-up at start, retries, resumed deliveries.</summary>
public sealed class JobRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-08-15T12:00:00Z"));

    private string Data => Path.Combine(_dir.Path, "data");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Monthly_packs_for_months_that_passed_while_down_are_sent_once_at_start()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        using (var first = new JobsHarness(Data, config, _time).WithSampleClients())
        {
            // First start on 15 August: nothing is "missed" yet.
            Assert.Empty(first.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp));
            _time.SetUtcNow(DateTimeOffset.Parse("2026-09-01T10:05:00Z"));   // 06:05 in New York on 1 September
            var august = Assert.Single(first.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Schedule));
            Assert.Equal(("2026-08", RunStatus.Succeeded, RunReasons.Schedule), (august.Period, august.Status, august.Reason));
        }

        // Down until 3 December; the restarted process catches up September, October and November, oldest first.
        _time.SetUtcNow(DateTimeOffset.Parse("2026-12-03T15:00:00Z"));
        using var restarted = new JobsHarness(Data, config, _time, node: "node-b");
        var caughtUp = restarted.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp);
        Assert.Equal([("2026-09", RunStatus.Succeeded, RunReasons.CatchUp), ("2026-10", RunStatus.Succeeded, RunReasons.CatchUp),
            ("2026-11", RunStatus.Succeeded, RunReasons.CatchUp)], caughtUp.Select(r => (r.Period, r.Status, r.Reason)));

        // Each period's pack and client PDFs were rendered once and every delivery made once (one .eml per key).
        var requests = restarted.Renderer.Requests;
        Assert.All(requests.GroupBy(r => (r.PeriodKey, r.ReportId)), g => Assert.Single(g));
        foreach (var period in new[] { "2026-09", "2026-10", "2026-11" })
        {
            var deliveries = restarted.Deliveries.ForPeriod("monthly-reports", period);
            Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
            Assert.Equal(deliveries.Count, Directory.GetFiles(Path.Combine(Data, "outbox", period)).Length);
            Assert.Equal(2 + requests.Count(r => r.PeriodKey == period && r.ClientId is not null), deliveries.Count);   // 2 executives + one manager per client
        }

        // A second start finds nothing due and renders nothing.
        Assert.Empty(restarted.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp));
        Assert.Equal(requests.Count, restarted.Renderer.Requests.Count);
    }

    [Fact]
    public void A_failed_send_is_retried_with_backoff_only_sends_what_is_missing_and_shows_meanwhile()
    {
        var port = TestSmtpServer.FreePort();
        var config = JobsConfig.Write(_dir.File("config.json"), smtpPort: port);
        using var harness = new JobsHarness(Data, config, _time).WithSampleClients();
        harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp);
        var start = DateTimeOffset.Parse("2026-09-01T10:05:00Z");
        _time.SetUtcNow(start);

        // No mail server is listening: the run fails, its deliveries stay in the ledger, and a retry is scheduled.
        var first = Assert.Single(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Schedule));
        Assert.Equal((RunStatus.Failed, 1), (first.Status, first.Attempt));
        Assert.Contains("SMTP 127.0.0.1", first.Error, StringComparison.Ordinal);
        Assert.Equal(start.AddMinutes(1), first.NextAttemptAt);
        Assert.Equal((JobKind.MonthlyReports, start.AddMinutes(1)), harness.Wakeups.All[^1]);
        var planned = harness.Deliveries.ForPeriod("monthly-reports", "2026-08");
        Assert.Equal(1, planned.Count(d => d.Status == DeliveryStatus.Failed && d.LastError!.Contains("SMTP", StringComparison.Ordinal)));
        Assert.Equal(planned.Count - 1, planned.Count(d => d.Status == DeliveryStatus.Pending));
        var rendered = harness.Renderer.Requests.Count;

        // Before the backoff has passed nothing is tried; the second failure waits twice as long.
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Retry));
        _time.Advance(TimeSpan.FromSeconds(30));
        var second = Assert.Single(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Retry));
        Assert.Equal((RunStatus.Failed, 2, RunReasons.Retry), (second.Status, second.Attempt, second.Reason));
        Assert.Equal(_time.GetUtcNow().AddMinutes(2), second.NextAttemptAt);

        // The server comes up; the third attempt sends everything once and renders nothing again.
        using var smtp = new TestSmtpServer(port);
        _time.Advance(TimeSpan.FromMinutes(2));
        var third = Assert.Single(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Retry));
        Assert.Equal((RunStatus.Succeeded, 3), (third.Status, third.Attempt));
        Assert.Equal(rendered, harness.Renderer.Requests.Count);
        Assert.Equal(planned.Count, smtp.Messages.Count);
        Assert.All(smtp.Messages.GroupBy(m => (m.Report, m.To)), g => Assert.Single(g));
        Assert.All(harness.Deliveries.ForPeriod("monthly-reports", "2026-08"), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public void A_failed_manual_run_of_an_older_month_is_retried_until_it_goes_out()
    {
        var port = TestSmtpServer.FreePort();
        var config = JobsConfig.Write(_dir.File("config.json"), smtpPort: port);
        using var harness = new JobsHarness(Data, config, _time).WithSampleClients();
        var june = SupportLens.Web.Jobs.Scheduling.JobPeriod.Parse("2026-06", harness.Get<JobCatalog>().Settings.ReportingTimeZone);

        // June is outside any catch-up window, and the mail server is down when someone runs it by hand.
        var manual = harness.Runner.RunNow(JobKind.MonthlyReports, june, TimeSpan.Zero);
        Assert.Equal((RunStatus.Failed, RunReasons.Manual), (manual.Status, manual.Reason));
        Assert.Equal((JobKind.MonthlyReports, manual.NextAttemptAt!.Value), harness.Wakeups.All.Single());

        using var smtp = new TestSmtpServer(port);
        _time.Advance(TimeSpan.FromMinutes(1));
        var retried = Assert.Single(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Retry));
        Assert.Equal(("2026-06", RunStatus.Succeeded, RunReasons.Retry, 2), (retried.Period, retried.Status, retried.Reason, retried.Attempt));
        Assert.Equal(harness.Deliveries.ForPeriod("monthly-reports", "2026-06").Count, smtp.Messages.Count);
        Assert.Empty(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.Retry));
    }

    [Fact]
    public void A_render_failure_is_retried_and_renders_again()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        using var harness = new JobsHarness(Data, config, _time).WithSampleClients();
        harness.Runner.RunDue(JobKind.WeeklyQuality, RunReasons.CatchUp);
        _time.SetUtcNow(DateTimeOffset.Parse("2026-08-17T10:00:00Z"));   // Monday 06:00 in New York

        harness.Renderer.FailNext(1);
        var failed = Assert.Single(harness.Runner.RunDue(JobKind.WeeklyQuality, RunReasons.Schedule));
        Assert.Equal(("2026-W33", RunStatus.Failed, false), (failed.Period, failed.Status, failed.Rendered));
        Assert.Contains("failed on purpose", failed.Error, StringComparison.Ordinal);
        Assert.Empty(harness.Deliveries.ForPeriod("weekly-quality", "2026-W33"));

        _time.Advance(TimeSpan.FromMinutes(1));
        var retried = Assert.Single(harness.Runner.RunDue(JobKind.WeeklyQuality, RunReasons.Retry));
        Assert.Equal((RunStatus.Succeeded, 2), (retried.Status, retried.Attempt));
        Assert.Equal(["csat", "fcr", "nps", "sla"], harness.Deliveries.ForPeriod("weekly-quality", "2026-W33").Select(d => d.Key.Report).Order());
        Assert.All(harness.Deliveries.ForPeriod("weekly-quality", "2026-W33"), d => Assert.Equal(("qa@example.com", DeliveryStatus.Sent), (d.Key.Recipient, d.Status)));
    }

    [Fact]
    public void A_run_killed_mid_delivery_is_resumed_by_the_next_process_without_sending_twice()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        using var harness = new JobsHarness(Data, config, _time).WithSampleClients();
        var period = SupportLens.Web.Jobs.Scheduling.JobPeriod.Parse("2026-08", harness.Get<JobCatalog>().Settings.ReportingTimeZone);

        // What a process killed mid-run leaves: a "running" run whose reports were rendered, some deliveries sent, one
        // handed to the outbox but not yet marked sent (in doubt), the rest pending.
        var runId = harness.Runs.Start("monthly-reports", "2026-08", RunReasons.Manual, "dead-node", 1);
        var rendered = harness.Get<ReportJobs>().Render(harness.Get<JobCatalog>()[JobKind.MonthlyReports], period, null);
        harness.Deliveries.Plan(rendered.Deliveries, "supportlens.test");
        harness.Runs.Rendered(runId, rendered.Files);
        var unsent = harness.Deliveries.Unsent("monthly-reports", "2026-08");
        var outbox = new OutboxTransport(Path.Combine(Data, "outbox"));
        var mail = harness.Get<MailTransports>();
        using (var dead = harness.Locks.TryAcquire("job:monthly-reports")!)
        {
            foreach (var d in unsent.Take(3))
            {
                Assert.True(harness.Deliveries.Claim(d, dead.Owner));
                outbox.Send(d, ReportMail.Compose(d, mail.From, _time.GetUtcNow()));
                Assert.True(harness.Deliveries.MarkSent(d.Key, dead.Owner, "outbox"));
            }

            Assert.True(harness.Deliveries.Claim(unsent[3], dead.Owner));
            outbox.Send(unsent[3], ReportMail.Compose(unsent[3], mail.From, _time.GetUtcNow()));
        }

        var inDoubt = File.GetLastWriteTimeUtc(outbox.PathOf(unsent[3].Key));
        var renders = harness.Renderer.Requests.Count;

        // The next process's scheduler finds the period open and resumes it: no render, only what was not delivered.
        var run = Assert.Single(harness.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp));
        Assert.Equal((RunStatus.Succeeded, 2, RunReasons.Retry), (run.Status, run.Attempt, run.Reason));
        Assert.Equal(renders, harness.Renderer.Requests.Count);
        Assert.Equal(RunStatus.Interrupted, harness.Runs.Recent(10).Single(r => r.RunId == runId).Status);
        var after = harness.Deliveries.ForPeriod("monthly-reports", "2026-08");
        Assert.All(after, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(after.Count, Directory.GetFiles(Path.Combine(Data, "outbox", "2026-08")).Length);
        Assert.Equal(inDoubt, File.GetLastWriteTimeUtc(outbox.PathOf(unsent[3].Key)));   // found, not written again
        Assert.Equal(2, after.Single(d => d.Key == unsent[3].Key).Attempts);
        Assert.EndsWith($"{after.Count - 3} delivered, 0 failed, 0 not tried", run.Summary, StringComparison.Ordinal);   // 3 were sent before the kill
    }
}
