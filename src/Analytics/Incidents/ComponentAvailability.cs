using SupportLens.Analytics.Metrics;

namespace SupportLens.Analytics.Incidents;

/// <summary>
/// A component's availability and latency over a period, from its monitoring checks (see
/// <see cref="IncidentMetricsService"/> for how checks are weighted). <see cref="AvailabilityPct"/> and
/// <see cref="P95LatencyMs"/> are null when nothing was measured: no check is not the same as 100 %.
/// </summary>
public sealed record ComponentAvailability(
    string Component,
    long Checks,
    long FailedChecks,
    TimeSpan Measured,
    TimeSpan Down,
    double? P95LatencyMs,
    TargetCheck Availability,
    TargetCheck P95Latency)
{
    public double? AvailabilityPct => Availability.Actual;
}
