using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class TransactionTests : IDisposable
{
    private readonly DuckDbConnection _connection = new(":memory:");

    public TransactionTests()
    {
        _connection.Open();
        _connection.ExecuteNonQuery("CREATE TABLE t (x INTEGER)");
    }

    public void Dispose() => _connection.Dispose();

    private long Count()
    {
        using var command = new DuckDbCommand("SELECT count(*) FROM t", _connection);
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Commit_keeps_the_rows()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.ExecuteNonQuery("INSERT INTO t VALUES (1), (2)");
            transaction.Commit();
        }
        Assert.Equal(2, Count());
    }

    [Fact]
    public void Rollback_discards_the_rows()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
            transaction.Rollback();
        }
        Assert.Equal(0, Count());
    }

    [Fact]
    public void Dispose_without_commit_rolls_back()
    {
        using (_connection.BeginTransaction())
        {
            _connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
        }
        Assert.Equal(0, Count());
    }

    [Fact]
    public void A_failed_statement_inside_a_transaction_loses_the_whole_transaction()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
            Assert.Throws<DuckDbException>(() => _connection.ExecuteNonQuery("INSERT INTO t VALUES ('not a number')"));
        }
        Assert.Equal(0, Count());
    }

    [Fact]
    public void Nested_transactions_are_refused()
    {
        using var transaction = _connection.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => _connection.BeginTransaction());
    }

    [Fact]
    public void Completed_transaction_cannot_complete_twice()
    {
        using var transaction = _connection.BeginTransaction();
        transaction.Commit();
        Assert.Throws<InvalidOperationException>(transaction.Rollback);
    }

    [Fact]
    public void Other_connections_do_not_see_uncommitted_rows()
    {
        using var other = _connection.Duplicate();
        using var transaction = _connection.BeginTransaction();
        _connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
        using var command = new DuckDbCommand("SELECT count(*) FROM t", other);
        Assert.Equal(0L, command.ExecuteScalar());
        transaction.Commit();
        Assert.Equal(1L, command.ExecuteScalar());
    }
}
