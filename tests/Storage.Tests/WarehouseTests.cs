using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests;

public sealed class WarehouseTests
{
    [Fact]
    public void Opening_a_new_directory_creates_and_migrates_the_database()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "nested", "data");
        using var warehouse = Warehouse.Open(data, TimeProvider.System);
        Assert.True(File.Exists(Path.Combine(data, Warehouse.FileName)));
        Assert.Equal(SupportLens.Storage.Schema.SchemaMigrator.Embedded.Count, warehouse.SchemaVersion);
        Assert.Equal(Warehouse.Tables, warehouse.RowCounts().Select(c => c.Table));
        Assert.All(warehouse.RowCounts(), c => Assert.Equal(0, c.Rows));
    }

    [Fact]
    public void Row_counts_follow_inserts_and_survive_reopening()
    {
        using var dir = new TempDirectory();
        using (var warehouse = Warehouse.Open(dir.Path, TimeProvider.System))
        {
            using var connection = warehouse.OpenConnection();
            connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('c1', 'generic', 'Acme', 'business')");
        }
        using var reopened = Warehouse.Open(dir.Path, TimeProvider.System);
        Assert.Empty(reopened.AppliedMigrations);
        Assert.Equal(1, reopened.RowCounts().Single(c => c.Table == "clients").Rows);
    }

    [Fact]
    public void Schema_rejects_values_outside_the_domain()
    {
        using var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        var error = Assert.Throws<DuckDbException>(() =>
            connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('c1', 'generic', 'Acme', 'platinum')"));
        Assert.Contains("CHECK", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Data_directory_resolves_option_then_environment_then_default()
    {
        Assert.Equal(Path.GetFullPath("/tmp/x"), DataDirectory.Resolve("/tmp/x"));
        Assert.EndsWith(Path.DirectorySeparatorChar + "x", DataDirectory.Resolve("x"));
    }
}
