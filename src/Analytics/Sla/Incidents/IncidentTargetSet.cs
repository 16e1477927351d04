using System.Collections.Immutable;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Analytics.Sla.Incidents;

/// <summary>Incident targets by severity (1..n).</summary>
public sealed class IncidentTargetSet
{
    public IncidentTargetSet(IReadOnlyDictionary<int, IncidentTargets> bySeverity)
    {
        if (bySeverity.Count == 0)
        {
            throw new ArgumentException("At least one severity needs targets.", nameof(bySeverity));
        }

        BySeverity = bySeverity.ToImmutableSortedDictionary();
    }

    /// <summary>
    /// DESIGN.md §4: initial response 15 min / 1 h / 4 h / 24 h, client communication 45 min / 4 h / 12 h / none,
    /// resolution 4 h / 12 h / 48 h / 1 week, for severities 1 to 4.
    /// </summary>
    public static IncidentTargetSet Default => SupportLensSettings.Default.Targets.Incidents;

    public ImmutableSortedDictionary<int, IncidentTargets> BySeverity { get; }

    public IncidentTargets For(int severity) =>
        BySeverity.TryGetValue(severity, out var targets)
            ? targets
            : throw new ArgumentOutOfRangeException(nameof(severity), severity, $"No incident targets for severity {severity}.");
}
