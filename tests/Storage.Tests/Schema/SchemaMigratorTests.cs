using SupportLens.Storage.Sql;
using SupportLens.Storage.Schema;

namespace SupportLens.Storage.Tests.Schema;

public sealed class SchemaMigratorTests
{
    private static readonly Migration First = new(1, "first", "CREATE TABLE notes (id INTEGER, body VARCHAR)");
    private static readonly Migration Second = new(2, "second", "ALTER TABLE notes ADD COLUMN author VARCHAR DEFAULT 'unknown'");

    [Fact]
    public void Embedded_migrations_build_the_warehouse_tables()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), warehouse.AppliedMigrations);
        var tables = warehouse.RowCounts().Select(c => c.Table).ToList();
        Assert.Contains("tickets", tables);
        Assert.Contains("ticket_sla", tables);
        Assert.Contains("quarantine", tables);
    }

    [Fact]
    public void Migrating_twice_changes_nothing()
    {
        using var memory = Warehouse.InMemory(TimeProvider.System);
        using var connection = memory.OpenConnection();
        Assert.Empty(new SchemaMigrator(SchemaMigrator.Embedded, TimeProvider.System).Migrate(connection));
    }

    [Fact]
    public void An_older_database_is_upgraded_in_place_keeping_its_rows()
    {
        using var dir = new TempDirectory();
        using (var old = Warehouse.Open(dir.Path, TimeProvider.System, [First]))
        using (var connection = old.OpenConnection())
        {
            connection.ExecuteNonQuery("INSERT INTO notes VALUES (1, 'kept')");
        }
        using (var upgraded = Warehouse.Open(dir.Path, TimeProvider.System, [First, Second]))
        using (var connection = upgraded.OpenConnection())
        {
            Assert.Equal([2], upgraded.AppliedMigrations);
            using var command = connection.CreateCommand("SELECT body || '/' || author FROM notes");
            Assert.Equal("kept/unknown", command.ExecuteScalar());
            Assert.Equal(2, upgraded.SchemaVersion);
        }
    }

    [Fact]
    public void Version_4_keeps_the_batches_and_splits_the_statuspage_components_of_stored_incidents()
    {
        using var dir = new TempDirectory();
        using (var old = Warehouse.Open(dir.Path, TimeProvider.System, SchemaMigrator.Embedded.Take(3).ToList()))
        using (var connection = old.OpenConnection())
        {
            connection.ExecuteNonQuery(
                "INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, rows_read, status) VALUES ('incidents', 'statuspage', 'a.json', 'x', now(), 2, 'loaded');" +
                "INSERT INTO incidents (source, incident_id, severity, title, component, started_at) VALUES " +
                "('statuspage', 'S1', 2, 'Down', 'Git Operations, Issues', now()), ('statuspage', 'S2', 3, 'Slow', 'Pages', now()), " +
                "('generic', 'G1', 3, 'Slow', 'web, api', now()), ('generic', 'G2', 3, 'None', NULL, now())");
        }
        using (var upgraded = Warehouse.Open(dir.Path, TimeProvider.System, SchemaMigrator.Embedded.Take(4).ToList()))
        using (var connection = upgraded.OpenConnection())
        {
            Assert.Equal([4], upgraded.AppliedMigrations);
            using var command = connection.CreateCommand(
                "SELECT (SELECT string_agg(incident_id || ':' || position || ':' || component, '|' ORDER BY incident_id, position) FROM incident_components) || ' / ' || " +
                "(SELECT string_agg(incident_id || '=' || coalesce(component, '-'), '|' ORDER BY incident_id) FROM incidents) || ' / ' || " +
                "(SELECT string_agg(batch_id || ':' || status || ':' || rows_read || ':' || rows_filtered, '|') FROM ingest_batches)");
            // A generic incident's component was never joined by us: it stays one name.
            Assert.Equal("G1:1:web, api|S1:1:Git Operations|S1:2:Issues|S2:1:Pages / G1=web, api|G2=-|S1=Git Operations|S2=Pages / 1:loaded:2:0", command.ExecuteScalar());
            connection.ExecuteNonQuery("INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('tickets', 'generic', 'b.csv', 'y', now(), 'all_rejected')");
            using var next = connection.CreateCommand("SELECT max(batch_id) FROM ingest_batches");
            Assert.Equal(2L, next.ExecuteScalar());
        }
    }

    [Fact]
    public void A_database_file_from_a_newer_build_is_refused_when_opened()
    {
        using var dir = new TempDirectory();
        using (Warehouse.Open(dir.Path, TimeProvider.System, [First, Second]))
        {
        }
        var error = Assert.Throws<SchemaVersionException>(() => Warehouse.Open(dir.Path, TimeProvider.System, [First]));
        Assert.Contains("nothing was changed", error.Message);
        using var again = Warehouse.Open(dir.Path, TimeProvider.System, [First, Second]);
        Assert.Equal(2, again.SchemaVersion);
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused_untouched()
    {
        using var memory = Warehouse.InMemory(TimeProvider.System, [First]);
        using var connection = memory.OpenConnection();
        new SchemaMigrator([First, Second], TimeProvider.System).Migrate(connection);
        var error = Assert.Throws<SchemaVersionException>(() => new SchemaMigrator([First], TimeProvider.System).Migrate(connection));
        Assert.Contains("schema version 2", error.Message);
        Assert.Contains("up to 1", error.Message);
        Assert.Equal(2, SchemaMigrator.CurrentVersion(connection));
    }

    [Fact]
    public void A_failing_migration_leaves_the_previous_version()
    {
        using var memory = Warehouse.InMemory(TimeProvider.System, [First]);
        using var connection = memory.OpenConnection();
        var broken = new Migration(2, "broken", "ALTER TABLE notes ADD COLUMN x INTEGER; SELECT no_such_thing FROM notes");
        Assert.Throws<WarehouseException>(() => new SchemaMigrator([First, broken], TimeProvider.System).Migrate(connection));
        Assert.Equal(1, SchemaMigrator.CurrentVersion(connection));
        using var columns = connection.CreateCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes'");
        Assert.Equal(2L, columns.ExecuteScalar());
    }

    [Fact]
    public void Gaps_in_migration_numbers_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new SchemaMigrator([First, new Migration(3, "x", "SELECT 1")], TimeProvider.System));
    }
}
