using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>
/// Runs a ticket's first-response and resolution clocks on its tier's policy. The first-response clock never pauses;
/// the resolution clock stops while the ticket is pending or on hold. A ticket solved without a first response has
/// its first-response clock stopped by the solve (nothing is left to answer). Events after the as-of instant are
/// treated as not yet happened, so a past as-of instant reproduces what a dashboard showed then.
/// </summary>
public sealed class SlaClock(SlaPolicySet policies)
{
    public SlaPolicySet Policies { get; } = policies;

    /// <summary>As of the current instant of <paramref name="time"/> (what a live dashboard shows).</summary>
    public SlaEvaluation Evaluate(SlaTicket ticket, IEnumerable<TicketStatusChange> statusChanges, TimeProvider time) =>
        Evaluate(ticket, statusChanges, Instant.FromDateTimeOffset(time.GetUtcNow()));

    public SlaEvaluation Evaluate(SlaTicket ticket, IEnumerable<TicketStatusChange> statusChanges, Instant asOf) =>
        Evaluate(ticket, SlaPauses.FromStatusChanges(statusChanges, asOf), asOf);

    public SlaEvaluation Evaluate(SlaTicket ticket, IReadOnlyList<Interval> pauses, Instant asOf)
    {
        var targets = Policies.For(ticket.Tier).TargetsFor(ticket.Priority);
        var firstResponseAt = Known(ticket.FirstResponseAt, asOf) ?? Known(ticket.SolvedAt, asOf);
        var solvedAt = Known(ticket.SolvedAt, asOf);
        var firstResponse = Run(SlaMetric.FirstResponse, targets.FirstResponse, targets.Calendar, ticket.CreatedAt, firstResponseAt, [], asOf);
        var resolution = Run(SlaMetric.Resolution, targets.Resolution, targets.Calendar, ticket.CreatedAt, solvedAt,
            SlaPauses.Normalize(pauses, ticket.CreatedAt), asOf);
        return new SlaEvaluation(firstResponse, resolution, targets);
    }

    private static SlaOutcome Run(
        SlaMetric metric, Duration target, BusinessCalendar calendar, Instant start, Instant? completedAt,
        IReadOnlyList<Interval> pauses, Instant asOf)
    {
        var deadline = Deadline(calendar, start, target, pauses);
        var stoppedAt = completedAt ?? asOf;
        var elapsed = Elapsed(calendar, start, stoppedAt, pauses);
        var paused = completedAt is null && pauses.Any(p => p.Contains(asOf) || p.End == asOf);
        if (completedAt is { } done)
        {
            var status = done <= deadline ? SlaStatus.Achieved : SlaStatus.Breached;
            return new SlaOutcome(metric, status, target, deadline, elapsed, done, null, false);
        }

        return asOf <= deadline
            ? new SlaOutcome(metric, SlaStatus.Active, target, deadline, elapsed, null, deadline - asOf, paused)
            : new SlaOutcome(metric, SlaStatus.Breached, target, deadline, elapsed, null, null, paused);
    }

    private static Instant? Known(Instant? at, Instant asOf) => at is { } t && t <= asOf ? t : null;

    /// <summary>Business time in [start, end) outside the pauses.</summary>
    internal static Duration Elapsed(BusinessCalendar calendar, Instant start, Instant end, IReadOnlyList<Interval> pauses)
    {
        var elapsed = calendar.BusinessTimeBetween(start, end);
        foreach (var p in pauses)
        {
            if (p.Start >= end)
            {
                break;
            }

            elapsed -= calendar.BusinessTimeBetween(p.Start, p.End < end ? p.End : end);
        }

        return elapsed;
    }

    /// <summary>The instant at which <paramref name="target"/> of unpaused business time has passed.</summary>
    internal static Instant Deadline(BusinessCalendar calendar, Instant start, Duration target, IReadOnlyList<Interval> pauses)
    {
        var cursor = start;
        var remaining = target;
        foreach (var p in pauses)
        {
            if (p.End <= cursor)
            {
                continue;
            }

            var candidate = calendar.AddBusinessTime(cursor, remaining);
            if (candidate <= p.Start)
            {
                return candidate;
            }

            remaining -= calendar.BusinessTimeBetween(cursor, p.Start);
            cursor = p.End;
        }

        return calendar.AddBusinessTime(cursor, remaining);
    }
}
