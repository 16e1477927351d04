using SupportLens.Storage.Data;
using SupportLens.Storage.Schema;

namespace SupportLens.Storage.Tests.Schema;

public sealed class SchemaMigratorTests
{
    private static readonly Migration First = new(1, "first", "CREATE TABLE notes (id INTEGER, body VARCHAR)");
    private static readonly Migration Second = new(2, "second", "ALTER TABLE notes ADD COLUMN author VARCHAR DEFAULT 'unknown'");

    [Fact]
    public void Embedded_migrations_build_every_warehouse_table()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        var applied = new SchemaMigrator(SchemaMigrator.Embedded, TimeProvider.System).Migrate(connection);
        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), applied);
        foreach (var table in Warehouse.Tables)
        {
            using var command = new DuckDbCommand($"SELECT count(*) FROM {table}", connection);
            Assert.Equal(0L, command.ExecuteScalar());
        }
    }

    [Fact]
    public void Migrating_twice_changes_nothing()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        var migrator = new SchemaMigrator(SchemaMigrator.Embedded, TimeProvider.System);
        migrator.Migrate(connection);
        Assert.Empty(migrator.Migrate(connection));
    }

    [Fact]
    public void An_older_database_is_upgraded_in_place_keeping_its_rows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.duckdb");
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            new SchemaMigrator([First], TimeProvider.System).Migrate(connection);
            connection.ExecuteNonQuery("INSERT INTO notes VALUES (1, 'kept')");
        }
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            var applied = new SchemaMigrator([First, Second], TimeProvider.System).Migrate(connection);
            Assert.Equal([2], applied);
            using var command = new DuckDbCommand("SELECT body || '/' || author FROM notes", connection);
            Assert.Equal("kept/unknown", command.ExecuteScalar());
            Assert.Equal(2, SchemaMigrator.CurrentVersion(connection));
        }
    }

    [Fact]
    public void Version_3_keeps_the_batches_and_splits_the_statuspage_components_of_stored_incidents()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v2.duckdb");
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            new SchemaMigrator(SchemaMigrator.Embedded.Take(2).ToList(), TimeProvider.System).Migrate(connection);
            connection.ExecuteNonQuery(
                "INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, rows_read, status) VALUES ('incidents', 'statuspage', 'a.json', 'x', now(), 2, 'loaded');" +
                "INSERT INTO incidents (source, incident_id, severity, title, component, started_at) VALUES " +
                "('statuspage', 'S1', 2, 'Down', 'Git Operations, Issues', now()), ('statuspage', 'S2', 3, 'Slow', 'Pages', now()), " +
                "('generic', 'G1', 3, 'Slow', 'web, api', now()), ('generic', 'G2', 3, 'None', NULL, now())");
        }
        using (var connection = new DuckDbConnection(path))
        {
            connection.Open();
            Assert.Equal([3], new SchemaMigrator(SchemaMigrator.Embedded.Take(3).ToList(), TimeProvider.System).Migrate(connection));
            using var command = new DuckDbCommand(
                "SELECT (SELECT string_agg(incident_id || ':' || position || ':' || component, '|' ORDER BY incident_id, position) FROM incident_components) || ' / ' || " +
                "(SELECT string_agg(incident_id || '=' || coalesce(component, '-'), '|' ORDER BY incident_id) FROM incidents) || ' / ' || " +
                "(SELECT string_agg(batch_id || ':' || status || ':' || rows_read || ':' || rows_filtered, '|') FROM ingest_batches)", connection);
            // A generic incident's component was never joined by us: it stays one name.
            Assert.Equal("G1:1:web, api|S1:1:Git Operations|S1:2:Issues|S2:1:Pages / G1=web, api|G2=-|S1=Git Operations|S2=Pages / 1:loaded:2:0", command.ExecuteScalar());
            connection.ExecuteNonQuery("INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('tickets', 'generic', 'b.csv', 'y', now(), 'all_rejected')");
            using var next = new DuckDbCommand("SELECT max(batch_id) FROM ingest_batches", connection);
            Assert.Equal(2L, next.ExecuteScalar());
        }
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused_untouched()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        new SchemaMigrator([First, Second], TimeProvider.System).Migrate(connection);
        var error = Assert.Throws<SchemaVersionException>(() => new SchemaMigrator([First], TimeProvider.System).Migrate(connection));
        Assert.Contains("schema version 2", error.Message);
        Assert.Contains("up to 1", error.Message);
        Assert.Equal(2, SchemaMigrator.CurrentVersion(connection));
    }

    [Fact]
    public void A_failing_migration_leaves_the_previous_version()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        var broken = new Migration(2, "broken", "ALTER TABLE notes ADD COLUMN x INTEGER; SELECT no_such_thing FROM notes");
        Assert.Throws<DuckDbException>(() => new SchemaMigrator([First, broken], TimeProvider.System).Migrate(connection));
        Assert.Equal(1, SchemaMigrator.CurrentVersion(connection));
        using var columns = new DuckDbCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes'", connection);
        Assert.Equal(2L, columns.ExecuteScalar());
    }

    [Fact]
    public void Gaps_in_migration_numbers_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new SchemaMigrator([First, new Migration(3, "x", "SELECT 1")], TimeProvider.System));
    }
}
