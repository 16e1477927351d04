using System.Collections.Immutable;
using SupportLens.Analytics.Configuration;

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

    /// <summary>
    /// DESIGN.md §4: starter 8 h / 24 h on Mon–Fri 09:00–18:00 New York, professional 4 h / 12 h on Mon–Fri
    /// 07:00–21:00 New York (both closed on US federal holidays), business 2 h / 8 h and enterprise 1 h / 4 h on 24×7.
    /// </summary>
    public static SlaPolicySet Default => SupportLensSettings.Default.SlaPolicies;

    public IEnumerable<SlaPolicy> Policies => Enum.GetValues<SupportTier>().Select(t => _byTier[t]);

    public SlaPolicy For(SupportTier tier) => _byTier[tier];
}
