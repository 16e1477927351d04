using NodaTime;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Anomalies;

/// <summary>A spike as stored: the client, the channel (or <see cref="SpikeTable.AllChannels"/>), and the detector's verdict.</summary>
public sealed record StoredSpike(string ClientId, string Channel, Spike Spike);

/// <summary>Reads stored spikes (refresh writes them) for health scores, reports and pages.</summary>
public static class SpikeStore
{
    /// <summary>Spikes of days <paramref name="from"/> to <paramref name="to"/> (inclusive), of one client when given, by day.</summary>
    public static IReadOnlyList<StoredSpike> Read(WarehouseConnection connection, LocalDate from, LocalDate to, string? clientId = null)
    {
        using var command = connection.CreateCommand("""
            SELECT client_id, channel, day, volume, expected, expected_low, expected_high, score, direction, holiday
            FROM spikes
            WHERE day BETWEEN $from AND $to AND ($client IS NULL OR client_id = $client)
            ORDER BY day, client_id, channel
            """);
        command.Parameters.Add("from", from.ToDateOnly()).Add("to", to.ToDateOnly()).Add("client", clientId);
        using var reader = command.ExecuteReader();
        var spikes = new List<StoredSpike>();
        while (reader.Read())
        {
            var client = reader.GetString(0);
            var channel = reader.GetString(1);
            var key = channel == SpikeTable.AllChannels ? $"client:{client}" : $"client:{client}/channel:{channel}";
            spikes.Add(new StoredSpike(client, channel, new Spike(key, LocalDate.FromDateOnly(reader.GetDateOnly(2)), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7),
                reader.GetString(8) == "high" ? SpikeDirection.High : SpikeDirection.Low, reader.GetBoolean(9))));
        }

        return spikes;
    }

    /// <summary>
    /// Days of <paramref name="from"/>..<paramref name="to"/> on which the client's whole volume was scanned (0 when it
    /// never was: "not measured", not "no spikes").
    /// </summary>
    public static int DaysScanned(WarehouseConnection connection, string clientId, LocalDate from, LocalDate to)
    {
        using var command = connection.CreateCommand("""
            SELECT coalesce(max(datediff('day', greatest(first_day, $from), least(last_day, $to)) + 1), 0)
            FROM spike_scans WHERE client_id = $client AND channel = $all AND first_day <= $to AND last_day >= $from
            """);
        command.Parameters.Add("client", clientId).Add("all", SpikeTable.AllChannels).Add("from", from.ToDateOnly()).Add("to", to.ToDateOnly());
        return (int)command.ExecuteScalar<long>();
    }
}
