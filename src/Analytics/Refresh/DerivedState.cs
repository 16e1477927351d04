using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Refresh;

/// <summary>The stamps derived tables keep in <c>derived_state</c>: what they last saw of the data.</summary>
public static class DerivedState
{
    /// <summary>
    /// The version of the imported data: the newest loaded ingest batch. Every load that changes rows is a new batch, so a
    /// table derived from "everything" is current when it saw this stamp.
    /// </summary>
    public static string DataStamp(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand(
            "SELECT concat_ws('/', count(*), coalesce(max(batch_id), 0)) FROM ingest_batches WHERE status = 'loaded'");
        return command.ExecuteScalar<string>();
    }

    /// <summary>
    /// The newest ingest batch the database holds. Every row an ingest writes carries the id of its batch, and a file's
    /// rows commit together with its batch row, so rows with a batch id above a mark taken earlier are the ones written
    /// since (ingest and refresh run one after the other; a refresh never overlaps a load).
    /// </summary>
    public static long BatchMark(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("SELECT coalesce(max(batch_id), 0) FROM ingest_batches");
        return command.ExecuteScalar<long>();
    }

    /// <summary>The batch mark a derived table stored at its last refresh, or null when it has none (then it recomputes all).</summary>
    public static long? GetMark(WarehouseConnection connection, string name) =>
        long.TryParse(Get(connection, MarkName(name)), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var mark)
            ? mark : null;

    public static void SetMark(WarehouseConnection connection, string name, long mark, DateTimeOffset at) =>
        Set(connection, MarkName(name), mark.ToString(System.Globalization.CultureInfo.InvariantCulture), at);

    /// <summary>Forgets a table's mark, so that its next refresh recomputes everything.</summary>
    public static void ClearMark(WarehouseConnection connection, string name)
    {
        using var command = connection.CreateCommand("DELETE FROM derived_state WHERE name = $name");
        command.Parameters.Add("name", MarkName(name));
        command.ExecuteNonQuery();
    }

    private static string MarkName(string name) => name + ":batch-mark";

    public static string? Get(WarehouseConnection connection, string name)
    {
        using var command = connection.CreateCommand("SELECT stamp FROM derived_state WHERE name = $name");
        command.Parameters.Add("name", name);
        return command.ExecuteScalar<string?>();
    }

    public static void Set(WarehouseConnection connection, string name, string stamp, DateTimeOffset at)
    {
        using var command = connection.CreateCommand("""
            INSERT INTO derived_state VALUES ($name, $stamp, $at)
            ON CONFLICT (name) DO UPDATE SET stamp = excluded.stamp, refreshed_at = excluded.refreshed_at
            """);
        command.Parameters.Add("name", name).Add("stamp", stamp).Add("at", at);
        command.ExecuteNonQuery();
    }
}
