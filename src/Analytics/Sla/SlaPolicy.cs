using System.Collections.Immutable;

namespace SupportLens.Analytics.Sla;

/// <summary>A tier's SLA: default targets and optional per-priority overrides.</summary>
public sealed record SlaPolicy(SupportTier Tier, SlaTargets Targets)
{
    public ImmutableDictionary<TicketPriority, SlaTargetOverride> PriorityOverrides { get; init; } =
        ImmutableDictionary<TicketPriority, SlaTargetOverride>.Empty;

    /// <summary>The targets a ticket of this priority is held to (the tier's when no override or no priority).</summary>
    public SlaTargets TargetsFor(TicketPriority? priority)
    {
        if (priority is not { } p || !PriorityOverrides.TryGetValue(p, out var o))
        {
            return Targets;
        }

        return new SlaTargets(
            o.FirstResponse ?? Targets.FirstResponse,
            o.Resolution ?? Targets.Resolution,
            o.Calendar ?? Targets.Calendar);
    }
}
