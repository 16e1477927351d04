using System.Collections.Immutable;

namespace SupportLens.Analytics.Incidents;

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

    public ImmutableSortedDictionary<int, IncidentTargets> BySeverity { get; }

    public IncidentTargets For(int severity) =>
        BySeverity.TryGetValue(severity, out var targets)
            ? targets
            : throw new ArgumentOutOfRangeException(nameof(severity), severity, $"No incident targets for severity {severity}.");
}
