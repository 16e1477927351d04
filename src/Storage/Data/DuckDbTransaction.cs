using System.Data;
using System.Data.Common;

namespace SupportLens.Storage.Data;

/// <summary>A DuckDB transaction (snapshot isolation). Disposing without Commit rolls back.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection, IsolationLevel isolationLevel)
    {
        _connection = connection;
        IsolationLevel = isolationLevel;
    }

    public override IsolationLevel IsolationLevel { get; }

    protected override DbConnection DbConnection => _connection;

    public override void Commit() => Complete("COMMIT");

    public override void Rollback() => Complete("ROLLBACK");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed && _connection.State == ConnectionState.Open)
        {
            Complete("ROLLBACK");
        }
        base.Dispose(disposing);
    }

    private void Complete(string sql)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }
        _completed = true;
        _connection.CurrentTransaction = null;
        _connection.ExecuteNonQuery(sql);
    }
}
