using System.Globalization;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Horizon;

/// <summary>
/// Keeps <c>data_horizon</c>: per kind and source, the newest instant its rows mention (capped at the wall clock, so a
/// row dated in the future does not make every open ticket look on time forever).
/// </summary>
/// <remarks>
/// After the first refresh only the rows written since (a batch id above the stored mark, or none at all) are read:
/// a horizon becomes the newer of the stored one and theirs. That is exact while some row still holds the stored
/// instant; when none does (an update moved that row back, or the stored value was the clock's cap) the kind and
/// source are recomputed from all their rows. A refresh after a small file into millions of tickets reads that file's
/// rows and a few zone maps.
/// </remarks>
public sealed class DataHorizonTable(TimeProvider time) : IDerivedTable
{
    public const string TableName = "data-horizon";

    /// <summary>Per kind: its tables, each with its source column and the instants its rows mention.</summary>
    private static readonly (string Kind, string Table, string[] Instants)[] Parts =
    [
        ("tickets", "tickets", ["created_at", "updated_at", "first_response_at", "solved_at", "closed_at"]),
        ("tickets", "ticket_events", ["occurred_at"]),
        ("incidents", "incidents", ["started_at", "acknowledged_at", "first_update_at", "resolved_at", "updated_at"]),
        ("checks", "checks", ["checked_at"]),
        ("csat", "csat_responses", ["responded_at", "updated_at"]),
        ("nps", "nps_responses", ["responded_at", "updated_at"]),
    ];

    public string Name => TableName;

    public bool IsStale(WarehouseConnection connection) =>
        DerivedState.Get(connection, Name) != DerivedState.DataStamp(connection);

    public long Refresh(WarehouseConnection connection)
    {
        var now = time.GetUtcNow();
        using var transaction = connection.BeginTransaction();
        var stamp = DerivedState.DataStamp(connection);
        var mark = DerivedState.BatchMark(connection);
        if (DerivedState.GetMark(connection, Name) is { } seen)
        {
            RefreshSince(connection, seen, now);
        }
        else
        {
            RefreshAll(connection, now);
        }
        DerivedState.Set(connection, Name, stamp, now);
        DerivedState.SetMark(connection, Name, mark, now);
        using var count = connection.CreateCommand("SELECT count(*) FROM data_horizon");
        var rows = count.ExecuteScalar<long>();
        transaction.Commit();
        return rows;
    }

    private static void RefreshAll(WarehouseConnection connection, DateTimeOffset now)
    {
        using var command = connection.CreateCommand($"""
            DELETE FROM data_horizon;
            INSERT INTO data_horizon
            SELECT kind, source, least(max(instant), $now), $now FROM ({Union(null)})
            WHERE instant IS NOT NULL
            GROUP BY kind, source
            """);
        command.Parameters.Add("now", now);
        command.ExecuteNonQuery();
    }

    /// <summary>Moves the horizons that rows written since batch <paramref name="seen"/> reach past, and recomputes the doubtful ones.</summary>
    private static void RefreshSince(WarehouseConnection connection, long seen, DateTimeOffset now)
    {
        var changed = new List<(string Kind, string Source, DateTimeOffset Newest)>();
        using (var command = connection.CreateCommand($"""
            SELECT kind, source, max(instant) FROM ({Union(seen)}) WHERE instant IS NOT NULL GROUP BY kind, source
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                changed.Add((reader.GetString(0), reader.GetString(1), reader.GetDateTimeOffset(2)));
            }
        }
        foreach (var (kind, source, newest) in changed)
        {
            var stored = Stored(connection, kind, source);
            var horizon = stored is null || newest >= stored.Value || StillHeld(connection, kind, source, stored.Value)
                ? Max(stored, newest)
                : Recompute(connection, kind, source) ?? newest;
            using var write = connection.CreateCommand("INSERT OR REPLACE INTO data_horizon VALUES ($kind, $source, least($horizon, $now), $now)");
            write.Parameters.Add("kind", kind).Add("source", source).Add("horizon", horizon).Add("now", now);
            write.ExecuteNonQuery();
        }
    }

    /// <summary>The rows of every kind as (kind, source, instant): all of them, or those written after batch <paramref name="seen"/>.</summary>
    private static string Union(long? seen)
    {
        // A literal bound, so that DuckDB skips the row groups (zone maps) of batches it has seen.
        var written = seen is { } mark ? string.Create(CultureInfo.InvariantCulture, $" WHERE batch_id > {mark} OR batch_id IS NULL") : "";
        return string.Join(" UNION ALL ", Parts.Select(p =>
            $"SELECT '{p.Kind}' AS kind, source, {Instant(p.Instants)} AS instant FROM {p.Table}{written}"));
    }

    private static string Instant(string[] columns) => columns.Length == 1 ? columns[0] : $"greatest({string.Join(", ", columns)})";

    private static DateTimeOffset? Stored(WarehouseConnection connection, string kind, string source)
    {
        using var command = connection.CreateCommand("SELECT horizon FROM data_horizon WHERE kind = $kind AND source = $source");
        command.Parameters.Add("kind", kind).Add("source", source);
        return command.ExecuteScalar<DateTimeOffset?>();
    }

    /// <summary>
    /// Whether some row of the kind and source still mentions <paramref name="instant"/>: then no row can lie beyond it
    /// but the new ones (every other row was there when it was the newest). One equality per column, which zone maps answer.
    /// </summary>
    private static bool StillHeld(WarehouseConnection connection, string kind, string source, DateTimeOffset instant)
    {
        var probes = Parts.Where(p => p.Kind == kind)
            .SelectMany(p => p.Instants.Select(c => $"SELECT 1 FROM {p.Table} WHERE source = $source AND {c} = $instant"));
        using var command = connection.CreateCommand($"SELECT EXISTS ({string.Join(" UNION ALL ", probes)})");
        command.Parameters.Add("source", source).Add("instant", instant);
        return command.ExecuteScalar<bool>();
    }

    private static DateTimeOffset? Recompute(WarehouseConnection connection, string kind, string source)
    {
        var parts = Parts.Where(p => p.Kind == kind).Select(p => $"SELECT {Instant(p.Instants)} AS instant FROM {p.Table} WHERE source = $source");
        using var command = connection.CreateCommand($"SELECT max(instant) FROM ({string.Join(" UNION ALL ", parts)})");
        command.Parameters.Add("source", source);
        return command.ExecuteScalar<DateTimeOffset?>();
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
