using System.Collections.Immutable;
using NodaTime;

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
    public static IncidentTargetSet Default { get; } = new(new Dictionary<int, IncidentTargets>
    {
        [1] = new(Duration.FromMinutes(15), Duration.FromMinutes(45), Duration.FromHours(4)),
        [2] = new(Duration.FromHours(1), Duration.FromHours(4), Duration.FromHours(12)),
        [3] = new(Duration.FromHours(4), Duration.FromHours(12), Duration.FromHours(48)),
        [4] = new(Duration.FromHours(24), null, Duration.FromDays(7)),
    });

    public ImmutableSortedDictionary<int, IncidentTargets> BySeverity { get; }

    public IncidentTargets For(int severity) =>
        BySeverity.TryGetValue(severity, out var targets)
            ? targets
            : throw new ArgumentOutOfRangeException(nameof(severity), severity, $"No incident targets for severity {severity}.");
}
