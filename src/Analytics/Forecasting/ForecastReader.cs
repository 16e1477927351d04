using SupportLens.Storage;

namespace SupportLens.Analytics.Forecasting;

/// <summary>Reads the stored forecast runs (never computes one: reads never write; <c>refresh</c> does).</summary>
public sealed class ForecastReader(Warehouse warehouse)
{
    /// <summary>The latest run of a frequency, limited to one level (total, channel, tier, client) when given.</summary>
    public StoredForecastRun? Latest(SeriesFrequency frequency, string? level = null)
    {
        using var connection = warehouse.OpenConnection();
        var prefix = level switch
        {
            null => null,
            VolumeSeriesQuery.Total => VolumeSeriesQuery.Total,
            _ => level + ":",
        };
        return ForecastStore.Latest(connection, frequency, prefix);
    }
}
