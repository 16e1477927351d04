using System.Data;
using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class CommandTests : IDisposable
{
    private readonly DuckDbConnection _connection = new(":memory:");

    public CommandTests()
    {
        _connection.Open();
        _connection.ExecuteNonQuery("CREATE TABLE tickets (id INTEGER, channel VARCHAR, replies INTEGER)");
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Named_parameters_bind_by_name_in_any_order_and_prefix()
    {
        using var command = new DuckDbCommand("INSERT INTO tickets VALUES ($id, $channel, $replies)", _connection);
        command.Parameters.Add("$replies", 2);
        command.Parameters.Add("@channel", "chat");
        command.Parameters.Add("id", 1);
        Assert.Equal(1, command.ExecuteNonQuery());
        using var check = new DuckDbCommand("SELECT channel || replies FROM tickets WHERE id = 1", _connection);
        Assert.Equal("chat2", check.ExecuteScalar());
    }

    [Fact]
    public void Positional_parameters_bind_by_position()
    {
        using var command = new DuckDbCommand("SELECT ? + ?, $1", _connection);
        command.Parameters.AddPositional(40);
        command.Parameters.AddPositional(2);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(42, reader.GetInt32(0));
        using var numbered = new DuckDbCommand("SELECT $2 - $1", _connection);
        numbered.Parameters.AddPositional(1);
        numbered.Parameters.AddPositional(10);
        Assert.Equal(9, numbered.ExecuteScalar());
    }

    [Fact]
    public void A_missing_parameter_is_named_in_the_error()
    {
        using var command = new DuckDbCommand("SELECT $client_id", _connection);
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Contains("$client_id", error.Message);
    }

    [Fact]
    public void A_prepared_command_runs_again_with_new_values()
    {
        using var command = new DuckDbCommand("INSERT INTO tickets VALUES ($id, 'email', 0)", _connection);
        var id = command.Parameters.Add("id", 0);
        command.Prepare();
        for (var i = 1; i <= 100; i++)
        {
            id.Value = i;
            command.ExecuteNonQuery();
        }
        // sum() of integers is a HUGEINT in DuckDB, read as BigInteger.
        using var sum = new DuckDbCommand("SELECT sum(id) FROM tickets", _connection);
        Assert.Equal(new System.Numerics.BigInteger(5050), sum.ExecuteScalar());
    }

    [Fact]
    public void Scripts_run_statement_by_statement_and_count_changed_rows()
    {
        using var command = new DuckDbCommand(
            "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3); UPDATE t SET x = x + 1 WHERE x > 1;", _connection);
        Assert.Equal(5, command.ExecuteNonQuery());
    }

    [Fact]
    public void Multiple_selects_are_multiple_results()
    {
        using var command = new DuckDbCommand("SELECT 1; CREATE TABLE u (x INTEGER); SELECT 'two', 3", _connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.False(reader.Read());
        Assert.True(reader.NextResult());
        Assert.Equal(2, reader.FieldCount);
        Assert.True(reader.Read());
        Assert.Equal("two", reader.GetString(0));
        Assert.False(reader.NextResult());
    }

    [Fact]
    public void Large_results_span_many_chunks()
    {
        using var command = new DuckDbCommand("SELECT i, i::VARCHAR || '-row' FROM range(100000) t(i)", _connection);
        using var reader = command.ExecuteReader();
        long expected = 0;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            if (expected % 9973 == 0)
            {
                Assert.Equal($"{expected}-row", reader.GetString(1));
            }
            expected++;
        }
        Assert.Equal(100000, expected);
    }

    [Fact]
    public void Empty_result_has_columns_but_no_rows()
    {
        using var command = new DuckDbCommand("SELECT * FROM tickets WHERE false", _connection);
        using var reader = command.ExecuteReader();
        Assert.Equal(3, reader.FieldCount);
        Assert.False(reader.HasRows);
        Assert.False(reader.Read());
        Assert.Null(new DuckDbCommand("SELECT 1 WHERE false", _connection).ExecuteScalar());
    }

    [Fact]
    public void Errors_carry_duckdb_text_and_the_sql()
    {
        using var command = new DuckDbCommand("SELECT no_such_column FROM tickets", _connection);
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteReader());
        Assert.Contains("no_such_column", error.DuckDbMessage);
        Assert.Equal("SELECT no_such_column FROM tickets", error.Sql);
        Assert.Contains("SQL: SELECT no_such_column", error.Message);

        var syntax = Assert.Throws<DuckDbException>(() => _connection.ExecuteNonQuery("SELEC 1"));
        Assert.Contains("syntax error", syntax.Message, StringComparison.OrdinalIgnoreCase);

        var constraint = Assert.Throws<DuckDbException>(() => _connection.ExecuteNonQuery(
            "CREATE TABLE k (id INTEGER PRIMARY KEY); INSERT INTO k VALUES (1); INSERT INTO k VALUES (1)"));
        Assert.Contains("constraint", constraint.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Runtime_errors_surface_while_reading()
    {
        using var command = new DuckDbCommand("SELECT 'abc'::INTEGER", _connection);
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Contains("Could not convert", error.Message);
    }

    [Fact]
    public void Reader_close_with_close_connection_behaviour_closes_the_connection()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        using var command = new DuckDbCommand("SELECT 1", connection);
        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            reader.Read();
        }
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Schema_table_lists_columns()
    {
        using var command = new DuckDbCommand("SELECT * FROM tickets", _connection);
        using var reader = command.ExecuteReader();
        var schema = reader.GetSchemaTable();
        Assert.Equal(["id", "channel", "replies"], schema.Rows.Cast<DataRow>().Select(r => (string)r["ColumnName"]));
    }
}
