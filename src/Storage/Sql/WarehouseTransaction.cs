using DuckDB.NET.Data;

namespace SupportLens.Storage.Sql;

/// <summary>A transaction on one connection; disposing it without <see cref="Commit"/> rolls it back.</summary>
public sealed class WarehouseTransaction : IDisposable
{
    private readonly WarehouseConnection _connection;
    private DuckDBTransaction? _transaction;

    internal WarehouseTransaction(WarehouseConnection connection, DuckDBTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Whether the transaction is still open (neither committed nor rolled back, nor ended by a failed commit).</summary>
    public bool IsOpen => _transaction is not null;

    public void Commit() => End(commit: true);

    public void Rollback() => End(commit: false);

    public void Dispose()
    {
        if (_transaction is not null)
        {
            End(commit: false);
        }
    }

    private void End(bool commit)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("The transaction has already ended.");
        _transaction = null;
        _connection.Transaction = null;
        try
        {
            if (commit)
            {
                transaction.Commit();
            }
            else
            {
                transaction.Rollback();
            }
        }
        catch (DuckDBException e)
        {
            throw new WarehouseException(e.Message, commit ? "COMMIT" : "ROLLBACK", e);
        }
        finally
        {
            transaction.Dispose();
        }
    }
}
