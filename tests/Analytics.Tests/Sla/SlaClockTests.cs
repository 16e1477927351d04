using SupportLens.Analytics.Configuration;
using NodaTime;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Sla.TestTime;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>Golden cases on the default policies (DESIGN.md §4), arithmetic in the comments.</summary>
public class SlaClockTests
{
    private static readonly SlaClock Clock = new(SupportLensSettings.Default.SlaPolicies);

    private static SlaEvaluation Evaluate(SlaTicket ticket, Instant asOf, params TicketStatusChange[] changes) =>
        Clock.Evaluate(ticket, changes, asOf);

    [Fact]
    public void Starter_created_on_thanksgiving_evening()
    {
        // Thu 26 Nov 2026 19:30 EST (holiday) = 27 Nov 00:30Z. Fri 27 Nov is a business day.
        // First response 8 h: Fri 09:00 + 8 h = Fri 17:00 EST = 22:00Z.
        // Resolution 24 h: Fri 9 h, Mon 30 Nov 9 h (18), Tue 1 Dec 09:00 + 6 h = 15:00 EST = 20:00Z.
        // Answered Fri 10:15 EST: 1 h 15 min elapsed. Solved Tue 1 Dec 16:00 EST: 9 + 9 + 7 = 25 h > 24 h.
        var ticket = new SlaTicket(Ny("2026-11-26 19:30"), Ny("2026-11-27 10:15"), Ny("2026-12-01 16:00"), SupportTier.Starter);
        var result = Evaluate(ticket, Ny("2026-12-02 12:00"));

        Assert.Equal(Utc("2026-11-27T22:00:00Z"), result.FirstResponse.Deadline);
        Assert.Equal(Hours(1.25), result.FirstResponse.Elapsed);
        Assert.Equal(SlaStatus.Achieved, result.FirstResponse.Status);
        Assert.Equal(Utc("2026-12-01T20:00:00Z"), result.Resolution.Deadline);
        Assert.Equal(Hours(25), result.Resolution.Elapsed);
        Assert.Equal(SlaStatus.Breached, result.Resolution.Status);
    }

    [Fact]
    public void Starter_created_friday_evening_before_dst_ends()
    {
        // Fri 30 Oct 2026 17:00 EDT (-4) = 21:00Z; clocks fall back Sun 1 Nov.
        // First response 8 h: Fri 17:00–18:00 1 h, Mon 2 Nov 09:00 EST (-5) + 7 h = 16:00 EST = 21:00Z
        // (72 h of wall time later, though the local clocks read 71 h).
        // Answered Mon 15:30 EST = 20:30Z: 1 h + 6.5 h = 7.5 h.
        var ticket = new SlaTicket(Utc("2026-10-30T21:00:00Z"), Utc("2026-11-02T20:30:00Z"), null, SupportTier.Starter);
        var result = Evaluate(ticket, Utc("2026-11-02T21:00:00Z"));

        Assert.Equal(Utc("2026-11-02T21:00:00Z"), result.FirstResponse.Deadline);
        Assert.Equal(Hours(7.5), result.FirstResponse.Elapsed);
        Assert.Equal(SlaStatus.Achieved, result.FirstResponse.Status);
        // Resolution still running: 1 h Fri + 7 h Mon (09:00–16:00 EST) = 8 h of 24.
        Assert.Equal(SlaStatus.Active, result.Resolution.Status);
        Assert.Equal(Hours(8), result.Resolution.Elapsed);
    }

    [Fact]
    public void Created_at_night_and_answered_before_opening_took_no_business_time()
    {
        // Tue 13 Jan 2026 22:00 EST, answered Wed 08:30 EST: the calendar was closed throughout -> 0 min, achieved.
        // Deadline: Wed 09:00 + 8 h = Wed 17:00 EST = 22:00Z.
        var ticket = new SlaTicket(Ny("2026-01-13 22:00"), Ny("2026-01-14 08:30"), null, SupportTier.Starter);
        var result = Evaluate(ticket, Ny("2026-01-14 08:30"));

        Assert.Equal(Duration.Zero, result.FirstResponse.Elapsed);
        Assert.Equal(SlaStatus.Achieved, result.FirstResponse.Status);
        Assert.Equal(Utc("2026-01-14T22:00:00Z"), result.FirstResponse.Deadline);
    }

    [Fact]
    public void Professional_ticket_spanning_a_weekend()
    {
        // Mon–Fri 07:00–21:00 New York. Created Fri 12 Jun 2026 19:00 EDT = 23:00Z.
        // First response 4 h: Fri 19–21 = 2 h, Mon 15 Jun 07:00 + 2 h = 09:00 EDT = 13:00Z. Answered Mon 08:00: 3 h, achieved.
        // Resolution 12 h: Fri 2 h, Mon 07:00 + 10 h = 17:00 EDT = 21:00Z. Solved Mon 20:00 EDT: 2 + 13 = 15 h, breached.
        var ticket = new SlaTicket(Ny("2026-06-12 19:00"), Ny("2026-06-15 08:00"), Ny("2026-06-15 20:00"), SupportTier.Professional);
        var result = Evaluate(ticket, Ny("2026-06-16 09:00"));

        Assert.Equal(Utc("2026-06-15T13:00:00Z"), result.FirstResponse.Deadline);
        Assert.Equal(Hours(3), result.FirstResponse.Elapsed);
        Assert.Equal(SlaStatus.Achieved, result.FirstResponse.Status);
        Assert.Equal(Utc("2026-06-15T21:00:00Z"), result.Resolution.Deadline);
        Assert.Equal(Hours(15), result.Resolution.Elapsed);
        Assert.Equal(SlaStatus.Breached, result.Resolution.Status);
    }

    [Fact]
    public void Pending_time_does_not_count_towards_resolution()
    {
        // Business tier, 24×7, resolution 8 h. Created 10:00Z, answered 10:30Z, pending 12:00Z–20:00Z, solved 23:00Z.
        // Resolution elapsed: 10–12 (2 h) + 20–23 (3 h) = 5 h. Deadline: 6 h left at 12:00Z, resumes 20:00Z -> 02:00Z next day.
        // Without the pause the deadline would be 18:00Z and the solve late.
        var ticket = new SlaTicket(Utc("2026-05-04T10:00:00Z"), Utc("2026-05-04T10:30:00Z"), Utc("2026-05-04T23:00:00Z"), SupportTier.Business);
        var result = Evaluate(ticket, Utc("2026-05-05T12:00:00Z"),
            new TicketStatusChange(Utc("2026-05-04T10:30:00Z"), TicketStatus.Open),
            new TicketStatusChange(Utc("2026-05-04T12:00:00Z"), TicketStatus.Pending),
            new TicketStatusChange(Utc("2026-05-04T20:00:00Z"), TicketStatus.Open),
            new TicketStatusChange(Utc("2026-05-04T23:00:00Z"), TicketStatus.Solved));

        Assert.Equal(Hours(5), result.Resolution.Elapsed);
        Assert.Equal(Utc("2026-05-05T02:00:00Z"), result.Resolution.Deadline);
        Assert.Equal(SlaStatus.Achieved, result.Resolution.Status);
        // The first-response clock never pauses: 30 min of 2 h.
        Assert.Equal(Hours(0.5), result.FirstResponse.Elapsed);
        Assert.Equal(Utc("2026-05-04T12:00:00Z"), result.FirstResponse.Deadline);
    }

    [Fact]
    public void Pause_on_business_hours_active_then_breached()
    {
        // Starter. Created Mon 4 May 2026 10:00 EDT, answered 10:30, on hold Mon 15:00 -> open Tue 11:00 EDT.
        // Resolution 24 h: Mon 10–15 = 5 h; from Tue 11:00: Tue 7 h (12 h used), Wed 9 h (21), Thu 09:00 + 3 h = 12:00 EDT = 16:00Z.
        var ticket = new SlaTicket(Ny("2026-05-04 10:00"), Ny("2026-05-04 10:30"), null, SupportTier.Starter);
        TicketStatusChange[] changes =
        [
            new(Ny("2026-05-04 15:00"), TicketStatus.OnHold),
            new(Ny("2026-05-05 11:00"), TicketStatus.Open),
        ];

        // As of Thu 11:00 EDT: 5 + 7 + 9 + 2 = 23 h elapsed, 1 h (wall) to go.
        var active = Clock.Evaluate(ticket, changes, Ny("2026-05-07 11:00")).Resolution;
        Assert.Equal(Utc("2026-05-07T16:00:00Z"), active.Deadline);
        Assert.Equal(SlaStatus.Active, active.Status);
        Assert.Equal(Hours(23), active.Elapsed);
        Assert.Equal(Hours(1), active.DueIn);
        Assert.False(active.IsPaused);

        // As of Thu 13:00 EDT without a solve: breached, 25 h elapsed.
        var breached = Clock.Evaluate(ticket, changes, Ny("2026-05-07 13:00")).Resolution;
        Assert.Equal(SlaStatus.Breached, breached.Status);
        Assert.Equal(Hours(25), breached.Elapsed);
        Assert.Null(breached.DueIn);
    }

    [Fact]
    public void Still_on_hold_projects_the_deadline_from_now()
    {
        // As of Mon 4 May 20:00 EDT, on hold since 15:00: 5 h elapsed, paused. If it resumed now, 19 h remain:
        // Tue 9 h (10 left), Wed 9 h (1 left), Thu 09:00 + 1 h = 10:00 EDT = 14:00Z.
        var ticket = new SlaTicket(Ny("2026-05-04 10:00"), Ny("2026-05-04 10:30"), null, SupportTier.Starter);
        var result = Evaluate(ticket, Ny("2026-05-04 20:00"), new TicketStatusChange(Ny("2026-05-04 15:00"), TicketStatus.OnHold));

        Assert.True(result.Resolution.IsPaused);
        Assert.Equal(Hours(5), result.Resolution.Elapsed);
        Assert.Equal(Utc("2026-05-07T14:00:00Z"), result.Resolution.Deadline);
        Assert.Equal(SlaStatus.Active, result.Resolution.Status);
    }

    [Theory]
    [InlineData("2026-02-10T12:59:00Z", SlaStatus.Active, 59, 1)]
    [InlineData("2026-02-10T13:00:00Z", SlaStatus.Active, 60, 0)]
    [InlineData("2026-02-10T13:01:00Z", SlaStatus.Breached, 61, null)]
    public void Enterprise_first_response_active_until_the_hour_passes(string asOf, SlaStatus status, int elapsedMinutes, int? dueInMinutes)
    {
        // Enterprise, 24×7, 1 h: created 12:00Z, no response yet. Deadline 13:00Z; an answer at exactly 13:00Z would count.
        var ticket = new SlaTicket(Utc("2026-02-10T12:00:00Z"), null, null, SupportTier.Enterprise);
        var outcome = Evaluate(ticket, Utc(asOf)).FirstResponse;

        Assert.Equal(Utc("2026-02-10T13:00:00Z"), outcome.Deadline);
        Assert.Equal(status, outcome.Status);
        Assert.Equal(Duration.FromMinutes(elapsedMinutes), outcome.Elapsed);
        Assert.Equal(dueInMinutes is { } m ? Duration.FromMinutes(m) : null, outcome.DueIn);
    }

    [Fact]
    public void Events_after_as_of_have_not_happened_yet()
    {
        // Answered at 14:00Z, but as of 12:30Z the dashboard showed an active target.
        var ticket = new SlaTicket(Utc("2026-02-10T12:00:00Z"), Utc("2026-02-10T14:00:00Z"), null, SupportTier.Enterprise);
        Assert.Equal(SlaStatus.Active, Evaluate(ticket, Utc("2026-02-10T12:30:00Z")).FirstResponse.Status);
        Assert.Equal(SlaStatus.Breached, Evaluate(ticket, Utc("2026-02-10T15:00:00Z")).FirstResponse.Status);
    }

    [Fact]
    public void Solved_without_a_reply_stops_the_first_response_clock()
    {
        var ticket = new SlaTicket(Utc("2026-02-10T12:00:00Z"), null, Utc("2026-02-10T12:20:00Z"), SupportTier.Enterprise);
        var result = Evaluate(ticket, Utc("2026-02-11T00:00:00Z"));
        Assert.Equal(SlaStatus.Achieved, result.FirstResponse.Status);
        Assert.Equal(Utc("2026-02-10T12:20:00Z"), result.FirstResponse.CompletedAt);
    }

    [Fact]
    public void Priority_override_replaces_only_what_it_names()
    {
        var defaults = SupportLensSettings.Default.SlaPolicies;
        var starter = defaults.For(SupportTier.Starter) with
        {
            PriorityOverrides = defaults.For(SupportTier.Starter).PriorityOverrides
                .Add(TicketPriority.Urgent, new SlaTargetOverride(FirstResponse: Hours(2))),
        };
        var policies = new SlaPolicySet(defaults.Policies.Select(p => p.Tier == SupportTier.Starter ? starter : p));

        var urgent = policies.For(SupportTier.Starter).TargetsFor(TicketPriority.Urgent);
        Assert.Equal(Hours(2), urgent.FirstResponse);
        Assert.Equal(Hours(24), urgent.Resolution);
        Assert.Equal(Hours(8), policies.For(SupportTier.Starter).TargetsFor(TicketPriority.Low).FirstResponse);
        Assert.Equal(Hours(8), policies.For(SupportTier.Starter).TargetsFor(null).FirstResponse);
    }

    [Fact]
    public void Live_evaluation_reads_the_time_provider()
    {
        var ticket = new SlaTicket(Utc("2026-02-10T12:00:00Z"), null, null, SupportTier.Enterprise);
        var now = new FixedTime(Utc("2026-02-10T12:45:00Z"));
        Assert.Equal(Duration.FromMinutes(15), Clock.Evaluate(ticket, [], now).FirstResponse.DueIn);
    }

    private sealed class FixedTime(Instant now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToDateTimeOffset();
    }
}
