using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>One SLA target of one ticket, as of an instant.</summary>
/// <param name="Deadline">When the target's business time runs out (projected as if a running pause ended as of now).</param>
/// <param name="Elapsed">Business time counted so far: up to the event, else up to the as-of instant; pauses excluded.</param>
/// <param name="CompletedAt">The event that stops the clock (first response or solve), when it happened by the as-of instant.</param>
/// <param name="DueIn">Wall-clock time left to the deadline, for active targets only.</param>
/// <param name="IsPaused">The clock is stopped at the as-of instant (pending or on hold).</param>
public sealed record SlaOutcome(
    SlaMetric Metric,
    SlaStatus Status,
    Duration Target,
    Instant Deadline,
    Duration Elapsed,
    Instant? CompletedAt,
    Duration? DueIn,
    bool IsPaused);
