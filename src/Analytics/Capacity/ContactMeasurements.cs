using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Sql;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Capacity;

/// <summary>A channel's average handle time as the volume export measured it over the window, and over how many contacts.</summary>
public sealed record MeasuredHandleTime(string Channel, TimeSpan HandleTime, long Contacts);

/// <summary>
/// What the contacts themselves say over the measurement window: average handle times from the volume export, and each
/// channel's intraday profile (its share of a day's contacts in each reporting-zone hour).
/// </summary>
internal static class ContactMeasurements
{
    /// <summary>
    /// Weight, in contacts, of the all-channel profile in each channel's: a quiet channel's profile is mostly the
    /// organisation's, a busy one's mostly its own (ten contacts an hour outweigh it).
    /// </summary>
    private const double ProfilePrior = 240;

    /// <summary>Handled-weighted average of the export's average handle times per channel (offered where handled is missing).</summary>
    public static IReadOnlyDictionary<string, MeasuredHandleTime> HandleTimes(WarehouseConnection connection, MeasurementWindow window)
    {
        var result = new Dictionary<string, MeasuredHandleTime>(StringComparer.Ordinal);
        if (!VolumeExport.HasRows(connection))
        {
            return result;
        }

        using var command = connection.CreateCommand($"""
            SELECT channel, sum(avg_handle_seconds * coalesce(handled, offered)) / sum(coalesce(handled, offered)), CAST(sum(coalesce(handled, offered)) AS BIGINT)
            FROM {VolumeExport.TableName}
            WHERE avg_handle_seconds IS NOT NULL AND avg_handle_seconds > 0 AND coalesce(handled, offered) > 0
              AND interval_start >= {SqlInstant.Literal(window.Start.ToDateTimeOffset())} AND interval_start < {SqlInstant.Literal(window.End.ToDateTimeOffset())}
            GROUP BY channel
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var channel = reader.GetString(0);
            result[channel] = new MeasuredHandleTime(channel, TimeSpan.FromSeconds(reader.GetDouble(1)), reader.GetInt64(2));
        }

        return result;
    }

    /// <summary>
    /// Each channel's 24 hourly shares (summing to 1), from the volume export's intervals for channels it covers in the
    /// window (daily intervals carry no hours and are left out), else from the tickets' creation times.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> HourlyShares(WarehouseConnection connection, MeasurementWindow window)
    {
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var range = $"{{0}} >= {SqlInstant.Literal(window.Start.ToDateTimeOffset())} AND {{0}} < {SqlInstant.Literal(window.End.ToDateTimeOffset())}";
        if (VolumeExport.HasRows(connection))
        {
            Count(connection, counts, $"""
                SELECT channel, {LocalClockSql.HourOfDay("interval_start", window.Zone, window.Start, window.End)}, CAST(sum(offered) AS DOUBLE) FROM {VolumeExport.TableName}
                WHERE interval_minutes < 1440 AND {string.Format(System.Globalization.CultureInfo.InvariantCulture, range, "interval_start")}
                GROUP BY ALL
                """, skip: null);
        }

        var fromVolume = counts.Keys.ToHashSet(StringComparer.Ordinal);
        Count(connection, counts, $"""
            SELECT channel, {LocalClockSql.HourOfDay("created_at", window.Zone, window.Start, window.End)}, CAST(count(*) AS DOUBLE) FROM tickets
            WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, range, "created_at")}
            GROUP BY ALL
            """, skip: fromVolume);

        var all = new double[24];
        foreach (var hours in counts.Values)
        {
            for (var h = 0; h < 24; h++)
            {
                all[h] += hours[h];
            }
        }

        var allTotal = all.Sum();
        var prior = allTotal > 0 ? all.Select(v => v / allTotal).ToArray() : Enumerable.Repeat(1.0 / 24, 24).ToArray();
        return counts.ToDictionary(
            kv => kv.Key,
            kv =>
            {
                var total = kv.Value.Sum();
                return (IReadOnlyList<double>)kv.Value.Select((v, h) => (v + ProfilePrior * prior[h]) / (total + ProfilePrior)).ToArray();
            },
            StringComparer.Ordinal);
    }

    private static void Count(WarehouseConnection connection, Dictionary<string, double[]> counts, string sql, HashSet<string>? skip)
    {
        using var command = connection.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var channel = reader.GetString(0);
            if (skip?.Contains(channel) == true)
            {
                continue;
            }

            var hours = counts.TryGetValue(channel, out var existing) ? existing : counts[channel] = new double[24];
            hours[Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)] += reader.GetDouble(2);
        }
    }
}
