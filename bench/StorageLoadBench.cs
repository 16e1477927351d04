using System.Diagnostics;
using System.Globalization;
using SupportLens.SampleData.Scale;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Bench;

/// <summary>
/// Loads the same tickets three ways into the warehouse's tickets table (primary key and checks included): our
/// appender, prepared INSERTs in one transaction, and DuckDB's own read_csv of the tickets.csv that
/// `supportlens sample-data --scale N` writes. The rows are the sample history's scale stream, held in memory before
/// the clock starts. Prints rows/s for each and the ratios.
/// </summary>
internal static class StorageLoadBench
{
    internal static void Run(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000_000;
        var work = Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var (_, csv) = ScaledSample.WriteFiles(work, rows);
            var tickets = new ScaledHistory(rows).Tickets().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"storage-load: {rows:N0} sample tickets (--scale), CSV {new FileInfo(csv).Length / 1024.0 / 1024.0:F1} MB, {Environment.ProcessorCount} cores, DuckDB {Version()}"));

            var appender = Measure(work, "appender", connection => ScaledSample.AppendTickets(connection, tickets, "bench"));
            var readCsv = Measure(work, "read_csv", connection => connection.ExecuteNonQuery(ScaledSample.ReadCsvInsert(csv, "bench")));
            // Row-by-row INSERTs cost DuckDB hundreds of microseconds each: measure them on a slice and report the rate.
            var insertRows = Math.Min(rows, 50_000);
            var insert = Measure(work, "insert", connection => InsertAll(connection, tickets.Take(insertRows)));

            Console.WriteLine();
            Console.WriteLine("method                      seconds        rows/s    vs read_csv");
            Print("DuckDB read_csv (baseline)", rows, readCsv, readCsv);
            Print("SupportLens appender", rows, appender, readCsv);
            Print($"prepared INSERT, 1 txn*", insertRows, insert, readCsv, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"* measured on the first {insertRows:N0} rows; the ratio compares rows/s."));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Version()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        return warehouse.DuckDbVersion;
    }

    private static TimeSpan Measure(string work, string name, Action<WarehouseConnection> load)
    {
        using var warehouse = Warehouse.Open(Path.Combine(work, name), TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        var clock = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            load(connection);
            transaction.Commit();
        }
        clock.Stop();
        using var count = connection.CreateCommand("SELECT count(*) FROM tickets");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-10} loaded {count.ExecuteScalar():N0} rows in {clock.Elapsed.TotalSeconds:F2} s"));
        return clock.Elapsed;
    }

    private static void InsertAll(WarehouseConnection connection, IEnumerable<TicketRow> tickets)
    {
        using var command = connection.CreateCommand(
            "INSERT INTO tickets VALUES ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
        foreach (var t in tickets)
        {
            command.Parameters.Clear();
            command.Parameters.Add(t.TicketId).Add(t.ClientId).Add(t.CreatedAt).Add(t.Channel).Add(t.Priority).Add(t.Status)
                .Add(t.Category).Add(t.SupportLevel).Add(t.AgentId).Add(t.FirstResponseAt).Add(t.SolvedAt).Add(t.ClosedAt)
                .Add(t.UpdatedAt).Add(t.AgentReplies).Add(t.Reopens).Add(t.Escalated);
            command.ExecuteNonQuery();
        }
    }

    private static void Print(string method, int rows, TimeSpan elapsed, TimeSpan baseline, int? baselineRows = null)
    {
        var rate = rows / elapsed.TotalSeconds;
        var baselineRate = (baselineRows ?? rows) / baseline.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method,-26} {elapsed.TotalSeconds,8:F2} {rate,13:N0} {rate / baselineRate,12:F2}x"));
    }
}
