using SupportLens.Storage.Sql;

namespace SupportLens.Storage.Tests.Sql;

public sealed class CommandTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;

    public CommandTests() => _connection = _warehouse.OpenConnection();

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    [Fact]
    public void Every_connection_runs_in_utc()
    {
        using var command = _connection.CreateCommand("SELECT current_setting('TimeZone'), (TIMESTAMPTZ '2026-03-08 23:30:00-05')::DATE::VARCHAR");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("UTC", reader.GetString(0));
        // 23:30 in New York is 04:30 the next day in UTC: the cast follows UTC, not the host.
        Assert.Equal("2026-03-09", reader.GetString(1));
    }

    [Fact]
    public void Instants_read_as_utc_offsets_every_way()
    {
        using var command = _connection.CreateCommand("SELECT TIMESTAMPTZ '2026-03-08 12:00:00+02', NULL::TIMESTAMPTZ, TIMESTAMP '2026-01-01 10:00'");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var expected = new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, reader.GetValue(0));
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)reader.GetValue(0)).Offset);
        Assert.Equal(expected, reader.GetFieldValue<DateTimeOffset>(0));
        Assert.Equal(expected, reader.GetDateTimeOffset(0));
        Assert.Equal(typeof(DateTimeOffset), reader.GetFieldType(0));
        Assert.Null(reader.GetNullableDateTimeOffset(1));
        // A local-looking DateTime is never handed out for an instant.
        Assert.Throws<InvalidCastException>(() => reader.GetDateTime(0));
        // A TIMESTAMP without zone stays what it is.
        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0), reader.GetDateTime(2));
    }

    [Fact]
    public void Scalars_convert_to_the_asked_type()
    {
        using var command = _connection.CreateCommand("SELECT TIMESTAMPTZ '2026-03-08 12:00:00+00'");
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), command.ExecuteScalar<DateTimeOffset>());
        using var count = _connection.CreateCommand("SELECT 41 + 1");
        Assert.Equal(42L, count.ExecuteScalar<long>());
        Assert.Equal(42, count.ExecuteScalar<int>());
        using var none = _connection.CreateCommand("SELECT NULL::BIGINT");
        Assert.Null(none.ExecuteScalar<long?>());
    }

    [Fact]
    public void Named_parameters_bind_instants_and_nulls()
    {
        _connection.ExecuteNonQuery("CREATE TABLE t (a INTEGER, ts TIMESTAMPTZ, note VARCHAR)");
        using var insert = _connection.CreateCommand("INSERT INTO t VALUES ($a, $at, $note)");
        insert.Parameters.Add("a", 7).Add("at", new DateTimeOffset(2026, 1, 1, 5, 0, 0, TimeSpan.FromHours(3))).Add("note", null);
        Assert.Equal(1, insert.ExecuteNonQuery());
        // Running again with a new value replaces the binding rather than adding a second one.
        insert.Parameters.Add("a", 8);
        Assert.Equal(1, insert.ExecuteNonQuery());
        using var read = _connection.CreateCommand("SELECT min(ts), count(*), count(note) FROM t");
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), reader.GetDateTimeOffset(0));
        Assert.Equal(2, reader.GetInt64(1));
        Assert.Equal(0, reader.GetInt64(2));
    }

    [Fact]
    public void Errors_carry_duckdbs_text_and_the_sql()
    {
        const string sql = "SELECT no_such_column FROM (SELECT 1 AS x)";
        using var command = _connection.CreateCommand(sql);
        var error = Assert.Throws<WarehouseException>(() => command.ExecuteReader());
        Assert.Contains("no_such_column", error.DuckDbMessage);
        Assert.Equal(sql, error.Sql);
        Assert.Contains(sql, error.Message);
    }

    [Fact]
    public void A_transaction_disposed_without_commit_rolls_back()
    {
        _connection.ExecuteNonQuery("CREATE TABLE t (a INTEGER)");
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
        }
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.ExecuteNonQuery("INSERT INTO t VALUES (2)");
            transaction.Commit();
        }
        using var count = _connection.CreateCommand("SELECT sum(a) FROM t");
        Assert.Equal(2L, count.ExecuteScalar<long>());
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var outer = _connection.BeginTransaction();
            using var inner = _connection.BeginTransaction();
        });
    }
}
