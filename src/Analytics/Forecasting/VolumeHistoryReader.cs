using NodaTime;
using SupportLens.Storage;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// The daily volume history the forecasts are made from (<see cref="VolumeSeriesQuery"/>), for readers that show actual
/// days next to the stored forecast: the same counts, cut the same way, so the two lines meet.
/// </summary>
public sealed class VolumeHistoryReader(Warehouse warehouse, DateTimeZone reportingZone, TimeProvider time)
{
    /// <summary>The whole organisation's series key.</summary>
    public const string TotalKey = VolumeSeriesQuery.Total;

    public VolumeHistory Read()
    {
        using var connection = warehouse.OpenConnection();
        return new VolumeSeriesQuery(reportingZone, time).Read(connection);
    }
}
