using System.Diagnostics;
using System.Text.Json;

namespace SupportLens.Web.Tests.Cli;

public sealed class DbInfoTests
{
    [Fact]
    public void Db_info_creates_the_database_and_prints_schema_version_and_counts()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("db", "info", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"schema version  {SupportLens.Storage.Schema.SchemaMigrator.Embedded.Count}", result.Output);
        Assert.Contains("tickets", result.Output);
        Assert.True(File.Exists(Path.Combine(dir.Path, "supportlens.duckdb")));
    }

    [Fact]
    public void Db_info_json_lists_every_table()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("db", "info", "--data", dir.Path, "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal(SupportLens.Storage.Schema.SchemaMigrator.Embedded.Count, document.RootElement.GetProperty("schema_version").GetInt32());
        var tables = document.RootElement.GetProperty("tables");
        Assert.Equal(0, tables.GetProperty("tickets").GetInt64());
        var names = tables.EnumerateObject().Select(t => t.Name).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "clients", "tickets", "ticket_events", "ticket_sla", "csat_responses", "nps_responses", "incidents", "checks", "ingest_batches", "quarantine" });
        Assert.DoesNotContain("schema_migrations", names);
    }

    [Fact]
    public void Unknown_verbs_are_bad_usage_with_exit_code_2()
    {
        var result = CliRunner.Run("db", "nonsense");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nonsense", result.Error);
    }

    [Fact]
    public void Version_prints_the_product_version()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Fact]
    public void A_data_path_that_is_a_file_fails_with_exit_code_1_and_a_message()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "not-a-directory");
        File.WriteAllText(file, "x");
        var result = CliRunner.Run("db", "info", "--data", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not-a-directory", result.Error);
    }

    [Fact]
    public void A_database_held_by_another_process_is_reported_with_a_pointer_to_the_http_api()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("db", "info", "--data", dir.Path).ExitCode);
        // Another process holds DuckDB's write lock on the file for as long as it runs.
        var executable = Path.Combine(AppContext.BaseDirectory, "supportlens.dll");
        using var holder = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { executable, "db", "hold", "--data", dir.Path },
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        })!;
        try
        {
            Assert.Equal("holding", holder.StandardOutput.ReadLine());
            var result = CliRunner.Run("db", "info", "--data", dir.Path);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("in use by another SupportLens process", result.Error);
            Assert.Contains("HTTP API", result.Error);
        }
        finally
        {
            holder.StandardInput.Close();
            holder.WaitForExit(10_000);
            if (!holder.HasExited)
            {
                holder.Kill();
            }
        }
    }
}
