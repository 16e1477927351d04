namespace SupportLens.Analytics.Metrics;

/// <summary>How metrics are split: one group for everything, or one per tier, client, channel, month or success manager.</summary>
public enum MetricsGrouping
{
    All,
    Tier,
    Client,
    Channel,
    Month,
    SuccessManager,
}
