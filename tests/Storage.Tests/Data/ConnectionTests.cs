using System.Data;
using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class ConnectionTests
{
    [Fact]
    public void Opens_memory_database_and_reports_library_version()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.StartsWith("v1.5.6", connection.ServerVersion);
        connection.Close();
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Private_memory_databases_do_not_share_tables_but_duplicates_do()
    {
        using var first = new DuckDbConnection(":memory:");
        first.Open();
        first.ExecuteNonQuery("CREATE TABLE t (x INTEGER)");
        using var second = new DuckDbConnection(":memory:");
        second.Open();
        Assert.Throws<DuckDbException>(() => second.ExecuteNonQuery("SELECT * FROM t"));
        using var duplicate = first.Duplicate();
        duplicate.ExecuteNonQuery("INSERT INTO t VALUES (1)");
        using var count = new DuckDbCommand("SELECT count(*) FROM t", first);
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public void Connections_to_one_file_share_the_database()
    {
        using var dir = new TempDirectory();
        var path = dir.File("shared.duckdb");
        using var writer = new DuckDbConnection($"Data Source={path}");
        writer.Open();
        writer.ExecuteNonQuery("CREATE TABLE t AS SELECT 42 AS answer");
        using var reader = new DuckDbConnection(path);
        reader.Open();
        using var command = new DuckDbCommand("SELECT answer FROM t", reader);
        Assert.Equal(42, command.ExecuteScalar());
    }

    [Fact]
    public void File_database_keeps_data_after_every_connection_closed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("durable.duckdb");
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            connection.ExecuteNonQuery("CREATE TABLE t AS SELECT 'kept' AS word");
        }
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            using var command = new DuckDbCommand("SELECT word FROM t", connection);
            Assert.Equal("kept", command.ExecuteScalar());
        }
    }

    [Fact]
    public void Read_only_access_mode_refuses_writes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ro.duckdb");
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            connection.ExecuteNonQuery("CREATE TABLE t (x INTEGER)");
        }
        using var readOnly = new DuckDbConnection($"Data Source={path};Access Mode=read_only");
        readOnly.Open();
        var error = Assert.Throws<DuckDbException>(() => readOnly.ExecuteNonQuery("INSERT INTO t VALUES (1)"));
        Assert.Contains("read-only", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Opening_a_directory_as_a_database_fails_with_the_path_in_the_message()
    {
        using var dir = new TempDirectory();
        using var connection = new DuckDbConnection(dir.Path);
        var error = Assert.Throws<DuckDbException>(connection.Open);
        Assert.Contains(dir.Path, error.Message);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Timestamps_with_time_zone_are_shown_in_utc()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        using var command = new DuckDbCommand("SELECT current_setting('TimeZone')", connection);
        Assert.Equal("UTC", command.ExecuteScalar());
    }
}
