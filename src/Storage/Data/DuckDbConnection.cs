using System.Data;
using System.Data.Common;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// An ADO.NET connection to a DuckDB file or in-memory database. A connection is for one thread at a time;
/// open one per thread (they share the native database of their path).
/// </summary>
/// <remarks>Connection string: a path, or <c>Data Source=PATH;Access Mode=read_only;Threads=2;Memory Limit=2GB</c>.</remarks>
public sealed class DuckDbConnection : DbConnection
{
    private string _connectionString;
    private SharedDatabase? _database;
    private ConnectionHandle? _handle;
    private ConnectionState _state = ConnectionState.Closed;

    public DuckDbConnection()
        : this(":memory:")
    {
    }

    public DuckDbConnection(string connectionString)
    {
        _connectionString = connectionString;
    }

    private DuckDbConnection(string connectionString, SharedDatabase database)
    {
        _connectionString = connectionString;
        _database = database;
    }

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }
            _connectionString = value ?? "";
        }
    }

    public override string Database => "main";

    public override string DataSource => ParseConnectionString(_connectionString).DataSource;

    public override string ServerVersion => NativeMethods.ReadUtf8(NativeMethods.duckdb_library_version()) ?? "";

    public override ConnectionState State => _state;

    internal ConnectionHandle Handle =>
        _handle ?? throw new InvalidOperationException("The connection is not open.");

    internal DuckDbTransaction? CurrentTransaction { get; set; }

    public override void Open()
    {
        if (_state == ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is already open.");
        }
        var settings = ParseConnectionString(_connectionString);
        _database ??= SharedDatabase.Acquire(settings.DataSource, settings.Options);
        try
        {
            _handle = ConnectionHandle.Connect(_database.Handle);
        }
        catch
        {
            _database.Release();
            _database = null;
            throw;
        }
        _state = ConnectionState.Open;
        // SupportLens stores instants in UTC; TIMESTAMPTZ casts and displays must not follow the host's time zone.
        ExecuteNonQuery("SET TimeZone = 'UTC'");
    }

    public override void Close()
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }
        CurrentTransaction?.Dispose();
        _handle?.Dispose();
        _handle = null;
        _database?.Release();
        _database = null;
        _state = ConnectionState.Closed;
    }

    /// <summary>Opens another connection to the same database (the way to share a private ":memory:" database).</summary>
    public DuckDbConnection Duplicate()
    {
        if (_database is null)
        {
            throw new InvalidOperationException("Only an open connection can be duplicated.");
        }
        var copy = new DuckDbConnection(_connectionString, _database.AddReference());
        copy.Open();
        return copy;
    }

    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections stay on one database; ATTACH another file with SQL instead.");

    public new DuckDbTransaction BeginTransaction() => (DuckDbTransaction)BeginDbTransaction(IsolationLevel.Unspecified);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable))
        {
            throw new NotSupportedException($"DuckDB runs transactions with snapshot isolation; {isolationLevel} is not offered.");
        }
        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already active on this connection; DuckDB does not nest transactions.");
        }
        ExecuteNonQuery("BEGIN TRANSACTION");
        CurrentTransaction = new DuckDbTransaction(this, isolationLevel);
        return CurrentTransaction;
    }

    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <summary>An appender for bulk loads into <paramref name="table"/> (all columns, in table order).</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null) => new(this, schema, table);

    /// <summary>Runs SQL without parameters and returns the rows it changed.</summary>
    public int ExecuteNonQuery(string sql)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Stops the statement running on this connection (from another thread).</summary>
    public void Interrupt()
    {
        if (_handle is { IsInvalid: false } handle)
        {
            NativeMethods.duckdb_interrupt(handle);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }
        base.Dispose(disposing);
    }

    private static (string DataSource, Dictionary<string, string> Options) ParseConnectionString(string connectionString)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!connectionString.Contains('='))
        {
            return (connectionString.Trim(), options);
        }
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var dataSource = ":memory:";
        foreach (string key in builder.Keys)
        {
            var value = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            switch (key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            {
                case "datasource":
                case "database":
                    dataSource = value;
                    break;
                case "accessmode":
                    options["access_mode"] = value;
                    break;
                case "threads":
                    options["threads"] = value;
                    break;
                case "memorylimit":
                    options["memory_limit"] = value;
                    break;
                default:
                    options[key] = value;
                    break;
            }
        }
        return (dataSource, options);
    }
}
