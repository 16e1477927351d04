namespace SupportLens.Analytics.Metrics;

/// <summary>The SQL that names a row's group, for each grouping. <c>c</c> is clients, <c>$zone</c> the reporting zone.</summary>
internal static class GroupKeys
{
    internal const string None = "(none)";

    /// <param name="instant">The TIMESTAMPTZ column that places the row in the period (for month keys).</param>
    /// <param name="channel">The column holding the ticket channel, or null where the row has none (NPS).</param>
    internal static string Sql(MetricsGrouping grouping, string instant, string? channel) => grouping switch
    {
        MetricsGrouping.All => "'all'",
        MetricsGrouping.Tier => $"coalesce(c.tier, '{None}')",
        MetricsGrouping.Client => $"coalesce(c.client_id, '{None}')",
        MetricsGrouping.SuccessManager => $"coalesce(c.success_manager, '{None}')",
        MetricsGrouping.Channel => channel is null ? $"'{None}'" : $"coalesce({channel}, '{None}')",
        MetricsGrouping.Month => $"strftime(timezone($zone, {instant}), '%Y-%m')",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };

    private static readonly string[] TierOrder = ["starter", "professional", "business", "enterprise"];

    /// <summary>Tiers in their order of service level; everything else alphabetically.</summary>
    internal static int Compare(MetricsGrouping grouping, string a, string b)
    {
        if (grouping == MetricsGrouping.Tier)
        {
            var rank = Array.IndexOf(TierOrder, a).CompareTo(Array.IndexOf(TierOrder, b));
            if (rank != 0)
            {
                return rank;
            }
        }
        return string.CompareOrdinal(a, b);
    }
}
