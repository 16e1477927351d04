using SupportLens.Storage.Sql;

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
        var counts = warehouse.RowCounts();
        Assert.Contains(counts, c => c.Table == "tickets");
        Assert.DoesNotContain(counts, c => c.Table == "schema_migrations");
        Assert.All(counts, c => Assert.Equal(0, c.Rows));
        Assert.StartsWith("v1.5", warehouse.DuckDbVersion);
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
    public void Connections_of_one_warehouse_see_each_others_commits()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        using var writer = warehouse.OpenConnection();
        using var reader = warehouse.OpenConnection();
        writer.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('c1', 'generic', 'Acme', 'business')");
        using var count = reader.CreateCommand("SELECT count(*) FROM clients");
        Assert.Equal(1L, count.ExecuteScalar<long>());
    }

    [Fact]
    public void Schema_rejects_values_outside_the_domain_with_the_sql_in_the_error()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        const string sql = "INSERT INTO clients (client_id, source, name, tier) VALUES ('c1', 'generic', 'Acme', 'platinum')";
        var error = Assert.Throws<WarehouseException>(() => connection.ExecuteNonQuery(sql));
        Assert.Contains("CHECK", error.DuckDbMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sql, error.Sql);
        Assert.Contains("SQL: " + sql, error.Message);
    }

    [Fact]
    public void Data_directory_resolves_option_then_environment_then_default()
    {
        Assert.Equal(Path.GetFullPath("/tmp/x"), DataDirectory.Resolve("/tmp/x"));
        Assert.EndsWith(Path.DirectorySeparatorChar + "x", DataDirectory.Resolve("x"));
    }
}
