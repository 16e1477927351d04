using NodaTime;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Analytics.Incidents;

/// <summary>
/// Incidents that started in a period, per severity (every configured severity, in order) and overall, evaluated as of
/// <see cref="AsOf"/>; and per component, availability and p95 latency over the period against the targets.
/// </summary>
public sealed record IncidentReport(
    ReportingPeriod Period,
    Instant AsOf,
    IReadOnlyList<SeverityIncidentMetrics> BySeverity,
    SeverityIncidentMetrics Overall,
    IReadOnlyList<ComponentAvailability> Components);
