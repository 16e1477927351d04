using System.Globalization;
using SupportLens.Storage.Data;
using SupportLens.Storage.Schema;

namespace SupportLens.Storage;

/// <summary>
/// The SupportLens database of one data directory (<c>DATA/supportlens.duckdb</c>), migrated on open.
/// Hands out connections to it; keep one per thread.
/// </summary>
public sealed class Warehouse : IDisposable
{
    public const string FileName = "supportlens.duckdb";

    /// <summary>The tables whose rows <see cref="RowCounts"/> reports, in the order a person reads them.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "clients", "tickets", "ticket_events", "ticket_sla", "csat_responses", "nps_responses", "incidents", "incident_clients", "incident_components",
        "checks", "volume_intervals", "ingest_batches", "quarantine", "job_runs", "report_runs", "forecasts", "spikes", "health_scores",
    ];

    // Held open for the warehouse's lifetime so the native database (and its cache) outlives short-lived connections.
    private readonly DuckDbConnection _anchor;

    private Warehouse(string dataDirectory, string databasePath, DuckDbConnection anchor, int schemaVersion, IReadOnlyList<int> applied)
    {
        DataDirectory = dataDirectory;
        DatabasePath = databasePath;
        _anchor = anchor;
        SchemaVersion = schemaVersion;
        AppliedMigrations = applied;
    }

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    public int SchemaVersion { get; }

    /// <summary>Migrations applied when this warehouse was opened (empty when it was already current).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    public static Warehouse Open(string dataDirectory, TimeProvider time, IReadOnlyList<Migration>? migrations = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        var connection = new DuckDbConnection(path);
        try
        {
            connection.Open();
        }
        catch (DuckDbException e) when (e.DuckDbMessage.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new WarehouseLockedException(
                $"The database {path} is in use by another SupportLens process (probably `supportlens serve`). " +
                "Stop it, or use the HTTP API of the running server instead.", e);
        }
        try
        {
            var migrator = new SchemaMigrator(migrations ?? SchemaMigrator.Embedded, time);
            var applied = migrator.Migrate(connection);
            return new Warehouse(Path.GetFullPath(dataDirectory), path, connection, SchemaMigrator.CurrentVersion(connection), applied);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A new connection to this warehouse; the caller disposes it.</summary>
    public DuckDbConnection OpenConnection() => _anchor.Duplicate();

    public IReadOnlyList<(string Table, long Rows)> RowCounts()
    {
        var sql = string.Join(" UNION ALL ", Tables.Select((t, i) =>
            string.Create(CultureInfo.InvariantCulture, $"SELECT {i} AS position, '{t}' AS table_name, count(*) AS row_count FROM {t}")));
        using var command = _anchor.CreateCommand();
        command.CommandText = $"SELECT table_name, row_count FROM ({sql}) ORDER BY position";
        using var reader = command.ExecuteReader();
        var counts = new List<(string, long)>();
        while (reader.Read())
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return counts;
    }

    public void Dispose() => _anchor.Dispose();
}

/// <summary>Another process holds the database file.</summary>
public sealed class WarehouseLockedException(string message, Exception inner) : Exception(message, inner);
