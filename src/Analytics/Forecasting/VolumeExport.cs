using NodaTime;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// The interval exports of telephony/ACD and chat platforms (ingest kind <c>volume</c>, DESIGN.md §3): counts per
/// interval and channel rather than tickets. They are optional: a warehouse without the table, or with it empty,
/// plans from tickets alone.
/// </summary>
public static class VolumeExport
{
    /// <summary>The table ingest loads volume exports into.</summary>
    public const string TableName = "volume_intervals";

    /// <summary>Whether the warehouse has the table and it holds rows (checked in the catalog first: older schemas lack it).</summary>
    public static bool HasRows(WarehouseConnection connection)
    {
        using var exists = connection.CreateCommand(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = $table AND schema_name = 'main'");
        exists.Parameters.Add("table", TableName);
        if (exists.ExecuteScalar<long>() == 0)
        {
            return false;
        }

        using var any = connection.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {TableName})");
        return any.ExecuteScalar<bool>();
    }

    /// <summary>
    /// The end of the newest interval (interval start plus its length), capped at <paramref name="now"/> like every data
    /// horizon; null when there are no rows.
    /// </summary>
    public static Instant? Horizon(WarehouseConnection connection, Instant now)
    {
        if (!HasRows(connection))
        {
            return null;
        }

        using var command = connection.CreateCommand(
            $"SELECT max(interval_start + to_minutes(CAST(interval_minutes AS BIGINT))) FROM {TableName}");
        return command.ExecuteScalar() is DateTimeOffset end ? Instant.Min(Instant.FromDateTimeOffset(end), now) : null;
    }
}
