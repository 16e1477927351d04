using SupportLens.Analytics.Horizon;
using SupportLens.Storage;
using SupportLens.Storage.Schema;

namespace SupportLens.Analytics.Tests.Forecasting;

/// <summary>In-memory warehouses for the forecasting, spike and capacity tests.</summary>
internal static class TestWarehouse
{
    /// <summary>
    /// The interval-export table as ingest's <c>volume</c> kind creates it (DESIGN.md §3). Created by a test migration on
    /// top of the shipped ones, IF NOT EXISTS, so these tests hold whether or not the shipped schema already has it.
    /// </summary>
    private const string VolumeTable = """
        CREATE TABLE IF NOT EXISTS volume_intervals (
            source             VARCHAR NOT NULL,
            interval_start     TIMESTAMPTZ NOT NULL,
            interval_minutes   SMALLINT NOT NULL,
            channel            VARCHAR NOT NULL,
            client_id          VARCHAR,
            queue              VARCHAR,
            offered            INTEGER NOT NULL,
            handled            INTEGER,
            abandoned          INTEGER,
            avg_handle_seconds DOUBLE,
            avg_wait_seconds   DOUBLE,
            service_level_pct  DOUBLE,
            batch_id           BIGINT
        );
        """;

    public static Warehouse Create(TimeProvider time, bool withVolumeTable = false) =>
        withVolumeTable
            ? Warehouse.InMemory(time, [.. SchemaMigrator.Embedded, new Migration(SchemaMigrator.Embedded.Count + 1, "volume_intervals_test", VolumeTable)])
            : Warehouse.InMemory(time);

    /// <summary>Runs SQL, then brings the data horizons up to date (what refresh does first).</summary>
    public static void Load(Warehouse warehouse, TimeProvider time, string sql)
    {
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery(sql);
        new DataHorizonTable(time).Refresh(connection);
    }
}
