using System.Globalization;
using DuckDB.NET.Data;
using SupportLens.Storage.Schema;
using SupportLens.Storage.Sql;

namespace SupportLens.Storage;

/// <summary>
/// The SupportLens database of one data directory (<c>DATA/supportlens.duckdb</c>), migrated on open. Hands out
/// connections to it; keep one per thread. DuckDB lets one process write a file: a second process gets a
/// <see cref="WarehouseLockedException"/> that points at the running server's HTTP API.
/// </summary>
public sealed class Warehouse : IDisposable
{
    public const string FileName = "supportlens.duckdb";

    private readonly string _connectionString;

    // Held open for the warehouse's lifetime so the native database (and its cache) outlives short-lived connections;
    // for an in-memory warehouse it is the database.
    private readonly WarehouseConnection _anchor;
    private readonly bool _inMemory;

    private Warehouse(string? dataDirectory, string connectionString, WarehouseConnection anchor, int schemaVersion, IReadOnlyList<int> applied)
    {
        DataDirectory = dataDirectory;
        DatabasePath = dataDirectory is null ? null : Path.Combine(dataDirectory, FileName);
        _connectionString = connectionString;
        _anchor = anchor;
        _inMemory = dataDirectory is null;
        SchemaVersion = schemaVersion;
        AppliedMigrations = applied;
    }

    /// <summary>The data directory, or null for an in-memory warehouse.</summary>
    public string? DataDirectory { get; }

    public string? DatabasePath { get; }

    public int SchemaVersion { get; }

    /// <summary>Migrations applied when this warehouse was opened (empty when it was already current).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The DuckDB library version, e.g. "v1.5.6".</summary>
    public string DuckDbVersion => _anchor.ServerVersion;

    public static Warehouse Open(string dataDirectory, TimeProvider time, IReadOnlyList<Migration>? migrations = null)
    {
        var directory = Path.GetFullPath(dataDirectory);
        var path = Path.Combine(directory, FileName);
        var connectionString = $"Data Source={path}";
        WarehouseConnection anchor;
        try
        {
            Directory.CreateDirectory(directory);
            anchor = WarehouseConnection.Open(new DuckDBConnection(connectionString));
        }
        catch (WarehouseException e) when (e.DuckDbMessage.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new WarehouseLockedException(
                $"The database {path} is in use by another SupportLens process (probably `supportlens serve`). " +
                "Stop it, or use the HTTP API of the running server instead.", e);
        }
        catch (Exception e) when (e is WarehouseException or IOException or UnauthorizedAccessException)
        {
            throw new WarehouseUnavailableException($"Cannot open the data directory {directory}: {e.Message}", e);
        }
        return Migrate(directory, connectionString, anchor, time, migrations);
    }

    /// <summary>A private in-memory warehouse with the full schema (tests, scratch work); gone when disposed.</summary>
    public static Warehouse InMemory(TimeProvider time, IReadOnlyList<Migration>? migrations = null)
    {
        const string connectionString = "Data Source=:memory:";
        return Migrate(null, connectionString, WarehouseConnection.Open(new DuckDBConnection(connectionString)), time, migrations);
    }

    private static Warehouse Migrate(
        string? directory, string connectionString, WarehouseConnection anchor, TimeProvider time, IReadOnlyList<Migration>? migrations)
    {
        try
        {
            var migrator = new SchemaMigrator(migrations ?? SchemaMigrator.Embedded, time);
            var applied = migrator.Migrate(anchor);
            return new Warehouse(directory, connectionString, anchor, SchemaMigrator.CurrentVersion(anchor), applied);
        }
        catch
        {
            anchor.Dispose();
            throw;
        }
    }

    /// <summary>A new connection to this warehouse; the caller disposes it.</summary>
    public WarehouseConnection OpenConnection() =>
        WarehouseConnection.Open(_inMemory ? _anchor.Native.Duplicate() : new DuckDBConnection(_connectionString));

    /// <summary>Rows per table, in the order the migrations created the tables (the bookkeeping of migrations left out).</summary>
    public IReadOnlyList<(string Table, long Rows)> RowCounts()
    {
        using var connection = OpenConnection();
        var tables = new List<string>();
        using (var list = connection.CreateCommand(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' " +
            "AND NOT temporary AND table_name <> 'schema_migrations' ORDER BY table_oid"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        if (tables.Count == 0)
        {
            return [];
        }
        var sql = string.Join(" UNION ALL ", tables.Select((t, i) =>
            string.Create(CultureInfo.InvariantCulture, $"SELECT {i} AS position, '{t}' AS table_name, count(*) AS row_count FROM \"{t}\"")));
        using var command = connection.CreateCommand($"SELECT table_name, row_count FROM ({sql}) ORDER BY position");
        using var reader2 = command.ExecuteReader();
        var counts = new List<(string, long)>();
        while (reader2.Read())
        {
            counts.Add((reader2.GetString(0), reader2.GetInt64(1)));
        }
        return counts;
    }

    public void Dispose() => _anchor.Dispose();
}

/// <summary>The data directory or its database cannot be opened; the message says why and what to do.</summary>
public class WarehouseUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>Another process holds the database file.</summary>
public sealed class WarehouseLockedException(string message, Exception inner) : WarehouseUnavailableException(message, inner);
