using NodaTime;

namespace SupportLens.Analytics.Incidents;

/// <summary>An incident that hit a client, with its targets as of the report's instant.</summary>
public sealed record ClientIncident(
    string Source,
    string IncidentId,
    int Severity,
    string Title,
    string? Component,
    Instant StartedAt,
    Instant? AcknowledgedAt,
    Instant? FirstUpdateAt,
    Instant? ResolvedAt,
    bool AffectsAll,
    IncidentEvaluation Evaluation);
