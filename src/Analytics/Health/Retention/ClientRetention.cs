using System.Collections.Immutable;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Health.Retention;

/// <summary>The support plan's third success target (retention &gt; 95 %), as a pure function of the client records.</summary>
public static class ClientRetention
{
    /// <summary>Success manager key of clients that have none.</summary>
    public const string Unassigned = "unassigned";

    /// <param name="targetPct">The plan's target, <see cref="Configuration.QualityTargets.RetentionPct"/>.</param>
    public static RetentionReport Measure(IEnumerable<ClientAccount> clients, RetentionPeriod period, double targetPct)
    {
        var atStart = clients.Where(c => c.IsActiveOn(period.Start)).OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList();
        return new RetentionReport(
            period,
            Figure("all", atStart, period, targetPct),
            [
                .. atStart.GroupBy(c => c.Tier).OrderBy(g => g.Key)
                    .Select(g => Figure(TierKey(g.Key), [.. g], period, targetPct)),
            ],
            [
                .. atStart.GroupBy(c => c.SuccessManager ?? Unassigned).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Figure(g.Key, [.. g], period, targetPct)),
            ]);
    }

    private static RetentionFigure Figure(string key, List<ClientAccount> atStart, RetentionPeriod period, double targetPct)
    {
        var retained = atStart.Where(c => c.IsActiveOn(period.End)).ToList();
        return new RetentionFigure(
            key,
            atStart.Count,
            retained.Count,
            atStart.Sum(c => c.Mrr ?? 0),
            retained.Sum(c => c.Mrr ?? 0),
            [.. atStart.Except(retained).Select(c => c.ClientId)],
            targetPct);
    }

    private static string TierKey(SupportTier tier) => tier.ToString().ToLowerInvariant();
}
