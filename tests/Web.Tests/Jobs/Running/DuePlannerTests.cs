using System.Text.Json.Nodes;
using SupportLens.Analytics.Configuration;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Tests.Jobs.Running;

/// <summary>The catch-up and retry rules, on the planner alone: schedule + run ledger + a clock, no process.</summary>
public class DuePlannerTests
{
    private static readonly JobCatalog Catalog = new(SupportLensSettings.Default);
    private static readonly JobDefinition Monthly = Catalog[JobKind.MonthlyReports];

    [Fact]
    public void Nothing_counts_as_missed_before_the_schedule_was_first_registered()
    {
        var since = At("2026-11-15T12:00:00Z");
        Assert.Empty(DuePlanner.Candidates(Catalog, Monthly, since, At("2026-11-30T12:00:00Z")));
    }

    [Fact]
    public void The_first_occurrence_after_registration_makes_its_month_due()
    {
        var now = At("2026-12-01T11:00:30Z");   // 06:00:30 in New York on the 1st
        var candidates = DuePlanner.Candidates(Catalog, Monthly, At("2026-11-15T12:00:00Z"), now);
        var plan = DuePlanner.Plan(candidates, Runs(), now, RunReasons.Schedule);
        Assert.Equal([("2026-11", RunReasons.Schedule, 1)], plan.Due.Select(d => (d.Period.Key, d.Reason, d.Attempt)));
    }

    [Fact]
    public void Months_that_passed_while_down_are_caught_up_oldest_first_and_no_further_back_than_the_limit()
    {
        // Registered in August, down from mid-September to 3 December: September, October and November packs were missed
        // (August's went out on 1 September); the default limit is 3 periods.
        var now = At("2026-12-03T15:00:00Z");
        var candidates = DuePlanner.Candidates(Catalog, Monthly, At("2026-08-15T12:00:00Z"), now);
        Assert.Equal(["2026-09", "2026-10", "2026-11"], candidates.Select(c => c.Key));

        var plan = DuePlanner.Plan(candidates, Runs(Run("2026-09", RunStatus.Succeeded)), now, RunReasons.CatchUp);
        Assert.Equal([("2026-10", RunReasons.CatchUp), ("2026-11", RunReasons.CatchUp)], plan.Due.Select(d => (d.Period.Key, d.Reason)));
        Assert.Null(plan.NextRetryAt);
    }

    [Fact]
    public void Refresh_catches_up_only_its_latest_night()
    {
        var refresh = Catalog[JobKind.Refresh];
        var candidates = DuePlanner.Candidates(Catalog, refresh, At("2026-11-01T00:00:00Z"), At("2026-11-30T15:00:00Z"));
        Assert.Equal(["2026-11-30T02:00"], candidates.Select(c => c.Key));
    }

    [Fact]
    public void A_failed_period_waits_for_its_backoff_then_is_retried_as_the_next_attempt()
    {
        var now = At("2026-12-01T12:00:00Z");
        var candidates = DuePlanner.Candidates(Catalog, Monthly, At("2026-11-15T00:00:00Z"), now);
        var failed = Run("2026-11", RunStatus.Failed, attempt: 2, next: now.AddMinutes(2));

        var waiting = DuePlanner.Plan(candidates, Runs(failed), now, RunReasons.Retry);
        Assert.Empty(waiting.Due);
        Assert.Equal(now.AddMinutes(2), waiting.NextRetryAt);

        var due = DuePlanner.Plan(candidates, Runs(failed), now.AddMinutes(2), RunReasons.Retry);
        Assert.Equal([("2026-11", RunReasons.Retry, 3)], due.Due.Select(d => (d.Period.Key, d.Reason, d.Attempt)));
    }

    [Fact]
    public void A_run_left_running_by_a_dead_process_is_resumed_as_the_next_attempt()
    {
        var now = At("2026-12-01T12:00:00Z");
        var candidates = DuePlanner.Candidates(Catalog, Monthly, At("2026-11-15T00:00:00Z"), now);
        var stale = Run("2026-11", RunStatus.Running);
        var plan = DuePlanner.Plan(candidates, Runs(stale), now, RunReasons.CatchUp);
        Assert.Equal(stale, Assert.Single(plan.Due).Stale);
        Assert.Equal(2, plan.Due[0].Attempt);
    }

    [Fact]
    public void Succeeded_periods_are_done()
    {
        var now = At("2026-12-01T12:00:00Z");
        var candidates = DuePlanner.Candidates(Catalog, Monthly, At("2026-11-15T00:00:00Z"), now);
        Assert.Empty(DuePlanner.Plan(candidates, Runs(Run("2026-11", RunStatus.Succeeded)), now, RunReasons.Schedule).Due);
    }

    [Fact]
    public void An_occurrence_seconds_ahead_counts_as_come_but_never_the_next_one_of_a_fast_schedule()
    {
        // The scheduler (on PostgreSQL, the database's clock) fired 20 s before our clock reaches 06:00.
        var candidates = DuePlanner.Candidates(Catalog, Monthly, At("2026-11-15T00:00:00Z"), At("2026-12-01T10:59:40Z"));
        Assert.Equal(["2026-11"], candidates.Select(c => c.Key));

        // Every 10 s: the tolerance shrinks to 5 s, so only occurrences that have (nearly) come are runs.
        var fast = CatalogWith(jobs => jobs["schedules"]!["refresh"] = "*/10 * * * * *");
        var refresh = fast[JobKind.Refresh];
        Assert.Equal(TimeSpan.FromSeconds(5), DuePlanner.Tolerance(refresh.Schedule, At("2026-12-01T12:00:03Z")));
        Assert.Equal(["2026-12-01T07:00"], DuePlanner.Candidates(fast, refresh, At("2026-12-01T11:59:00Z"), At("2026-12-01T12:00:03Z")).Select(c => c.Key));
        Assert.Equal(["2026-12-01T07:00:10"], DuePlanner.Candidates(fast, refresh, At("2026-12-01T11:59:00Z"), At("2026-12-01T12:00:06Z")).Select(c => c.Key));
    }

    [Fact]
    public void A_failed_period_outside_the_window_stays_a_candidate_until_it_succeeds()
    {
        var zone = SupportLensSettings.Default.ReportingTimeZone;
        var now = At("2026-12-01T12:00:00Z");
        var candidates = DuePlanner.WithOpen(DuePlanner.Candidates(Catalog, Monthly, At("2026-11-15T00:00:00Z"), now),
            [JobPeriod.Parse("2026-06", zone), JobPeriod.Parse("2026-11", zone)]);
        Assert.Equal(["2026-06", "2026-11"], candidates.Select(c => c.Key));
        var plan = DuePlanner.Plan(candidates, Runs(Run("2026-06", RunStatus.Failed, attempt: 4, next: now)), now, RunReasons.Schedule);
        Assert.Equal([("2026-06", RunReasons.Retry, 5), ("2026-11", RunReasons.Schedule, 1)], plan.Due.Select(d => (d.Period.Key, d.Reason, d.Attempt)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 360)]   // 512 min, capped at max_delay 6 h
    [InlineData(40, 360)]
    public void Retries_back_off_exponentially_up_to_the_maximum(int failedAttempt, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetryPolicy.DelayAfter(failedAttempt, SupportLensSettings.Default.Jobs.Retry));

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static JobCatalog CatalogWith(Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(SupportLensSettings.Default.ToJson())!;
        edit(root["jobs"]!);
        return new JobCatalog(SupportLensSettings.Parse(root.ToJsonString()));
    }

    private static Dictionary<string, JobRun> Runs(params JobRun[] runs) => runs.ToDictionary(r => r.Period);

    private static JobRun Run(string period, RunStatus status, int attempt = 1, DateTimeOffset? next = null) => new(
        1, "monthly-reports", period, RunReasons.Schedule, "node-a", attempt, status, At("2026-12-01T11:00:00Z"), null, null, null, [], false, 0, 0, next);
}
