using DuckDB.NET.Data;

namespace SupportLens.Storage.Sql;

/// <summary>
/// One connection to the warehouse, for one thread at a time. Every connection runs in UTC, so that casts of
/// TIMESTAMPTZ values to dates or text never follow the host's time zone.
/// </summary>
public sealed class WarehouseConnection : IDisposable
{
    private readonly DuckDBConnection _connection;

    private WarehouseConnection(DuckDBConnection connection) => _connection = connection;

    /// <summary>The transaction open on this connection, if any (DuckDB does not nest them).</summary>
    internal WarehouseTransaction? Transaction { get; set; }

    internal bool InTransaction => Transaction is not null;

    internal static WarehouseConnection Open(DuckDBConnection connection)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new WarehouseException(e.Message, null, e);
        }
        var opened = new WarehouseConnection(connection);
        opened.ExecuteNonQuery("SET TimeZone = 'UTC'");
        return opened;
    }

    /// <summary>The DuckDB version behind the connection, e.g. "v1.5.6".</summary>
    public string ServerVersion => _connection.ServerVersion;

    public WarehouseCommand CreateCommand(string? sql = null)
    {
        var command = new WarehouseCommand(_connection.CreateCommand());
        if (sql is not null)
        {
            command.CommandText = sql;
        }
        return command;
    }

    /// <summary>Runs SQL without parameters (one or several statements); returns the rows the last one changed.</summary>
    public int ExecuteNonQuery(string sql)
    {
        using var command = CreateCommand(sql);
        return command.ExecuteNonQuery();
    }

    public WarehouseTransaction BeginTransaction()
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open on this connection; DuckDB does not nest transactions.");
        }
        try
        {
            Transaction = new WarehouseTransaction(this, _connection.BeginTransaction());
        }
        catch (DuckDBException e)
        {
            throw new WarehouseException(e.Message, "BEGIN TRANSACTION", e);
        }
        return Transaction;
    }

    /// <summary>Bulk-loads rows into <paramref name="table"/> (every column, in table order); see <see cref="TableAppender"/>.</summary>
    public TableAppender CreateAppender(string table) => new(this, DescribeTable(table));

    /// <summary>An appender for a table described before (see <see cref="TableLayout"/>).</summary>
    public TableAppender CreateAppender(TableLayout layout) => new(this, layout);

    /// <summary>The columns of <paramref name="table"/> as an appender fills them.</summary>
    public TableLayout DescribeTable(string table) => TableLayout.Describe(this, table);

    internal DuckDBAppender CreateNativeAppender(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        try
        {
            return dot < 0 ? _connection.CreateAppender(table) : _connection.CreateAppender(table[..dot], table[(dot + 1)..]);
        }
        catch (DuckDBException e)
        {
            throw new WarehouseException($"Cannot append to {table}: {e.Message}", null, e);
        }
    }

    internal DuckDBConnection Native => _connection;

    public void Dispose()
    {
        Transaction?.Dispose();
        _connection.Dispose();
    }
}
