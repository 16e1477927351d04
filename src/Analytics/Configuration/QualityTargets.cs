using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.Analytics.Incidents;

namespace SupportLens.Analytics.Configuration;

/// <summary>The scorecard's targets (DESIGN.md §4). "Min"/"Max" say which side of the number is on target.</summary>
public sealed record QualityTargets(
    ImmutableDictionary<SupportTier, TierQualityTargets> Tiers,
    double SlaCompliancePct,
    double EscalationRateMaxPct,
    double NpsMin,
    double HealthAverageMin,
    double RetentionPct,
    double AvailabilityPct,
    Duration ApiP95,
    IncidentTargetSet Incidents);
