using NodaTime;

namespace SupportLens.Analytics.Incidents;

/// <summary>What the incident targets need of an incident (DESIGN.md §3 incidents). Severity 1 is the most critical.</summary>
public sealed record Incident(
    int Severity,
    Instant StartedAt,
    Instant? AcknowledgedAt = null,
    Instant? FirstUpdateAt = null,
    Instant? ResolvedAt = null);
