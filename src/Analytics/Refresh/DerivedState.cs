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
