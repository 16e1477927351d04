using System.Collections.Immutable;

namespace SupportLens.Analytics.Sla;

/// <summary>One <see cref="SlaPolicy"/> per tier.</summary>
public sealed class SlaPolicySet
{
    private readonly ImmutableDictionary<SupportTier, SlaPolicy> _byTier;

    public SlaPolicySet(IEnumerable<SlaPolicy> policies)
    {
        _byTier = policies.ToImmutableDictionary(p => p.Tier);
        var missing = Enum.GetValues<SupportTier>().Where(t => !_byTier.ContainsKey(t)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"No SLA policy for tier(s): {string.Join(", ", missing)}.", nameof(policies));
        }
    }

    public IEnumerable<SlaPolicy> Policies => Enum.GetValues<SupportTier>().Select(t => _byTier[t]);

    public SlaPolicy For(SupportTier tier) => _byTier[tier];
}
