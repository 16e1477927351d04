using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Storage;

namespace SupportLens.Web.Cli;

/// <summary>`supportlens db info`: where the database is, its schema version and how many rows each table holds.</summary>
internal static class DbCommand
{
    internal static Command Create(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var info = new Command("info", "Show the schema version and row counts of a data directory (creating it if new).");
        info.Options.Add(data);
        info.Options.Add(json);
        info.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            var warehouse = services.GetRequiredService<Warehouse>();
            var counts = warehouse.RowCounts();
            if (parse.GetValue(json))
            {
                var document = new
                {
                    database = warehouse.DatabasePath,
                    schema_version = warehouse.SchemaVersion,
                    duckdb_version = warehouse.DuckDbVersion,
                    tables = counts.ToDictionary(c => c.Table, c => c.Rows),
                };
                output.WriteLine(JsonSerializer.Serialize(document, JsonOutput.Options));
                return SupportLensCli.Done;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database        {warehouse.DatabasePath}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schema version  {warehouse.SchemaVersion}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb          {warehouse.DuckDbVersion}"));
            if (warehouse.AppliedMigrations.Count > 0)
            {
                output.WriteLine($"migrated        applied {string.Join(", ", warehouse.AppliedMigrations)}");
            }
            output.WriteLine();
            var width = counts.Max(c => c.Table.Length);
            foreach (var (table, rows) in counts)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.PadRight(width)}  {rows,12:N0}"));
            }
            return SupportLensCli.Done;
        });

        // Holds the database (and DuckDB's write lock) until standard input closes: for copying the file safely,
        // and for tests of what other processes see while the server owns the file.
        var holdData = CommonOptions.Data();
        var hold = new Command("hold", "Open the database and keep other processes out until standard input closes.") { Hidden = true };
        hold.Options.Add(holdData);
        hold.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, holdData, null, time);
            _ = services.GetRequiredService<Warehouse>();
            output.WriteLine("holding");
            output.Flush();
            while (Console.In.ReadLine() is not null)
            {
            }
            return SupportLensCli.Done;
        });

        var db = new Command("db", "Inspect the SupportLens database.");
        db.Subcommands.Add(info);
        db.Subcommands.Add(hold);
        return db;
    }
}
