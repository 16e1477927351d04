using NodaTime;
using SupportLens.Storage;

namespace SupportLens.Analytics.Anomalies;

/// <summary>The stored spikes (<see cref="SpikeStore"/>) for readers that hold no connection: reports and pages.</summary>
public sealed class SpikeReader(Warehouse warehouse)
{
    /// <summary>Spikes of days <paramref name="from"/> to <paramref name="to"/> (inclusive), of one client when given, by day.</summary>
    public IReadOnlyList<StoredSpike> Read(LocalDate from, LocalDate to, string? clientId = null)
    {
        using var connection = warehouse.OpenConnection();
        return SpikeStore.Read(connection, from, to, clientId);
    }
}
