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
