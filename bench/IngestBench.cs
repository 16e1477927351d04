using System.Diagnostics;
using System.Globalization;
using System.Text;
using SupportLens.SampleData.Scale;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// Ingest of a generic tickets CSV (validation on, as `supportlens ingest` does) against DuckDB's own read_csv of the
/// same file into the same table of an identical database, in the same run: a first load into an empty database, this
/// month's export appended to a database that already holds tickets (N of them, and the 10 M-ticket set), and an export
/// in which some tickets are already stored (merged; read_csv does INSERT OR REPLACE). Each ingest runs in a child
/// process for its peak RSS. Budgets (DESIGN.md §9): ingest ≥ 0.5× read_csv rows/s for a first load and an append;
/// memory bounded (streaming).
/// </summary>
internal static class IngestBench
{
    private const string Source = "generic";

    /// <summary>One comparison: a database to start from, a file to load into it, and how read_csv loads it.</summary>
    private sealed record Case(string Name, long BaseTickets, string File, bool Replace);

    internal static void Run(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var bigBase = Option(args, "--base", 10_000_000);
        var work = Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var clock = Stopwatch.StartNew();
            var files = Path.Combine(work, "files");
            var (clients, tickets) = ScaledSample.WriteFiles(files, rows);
            // This month's export: tickets the database has not seen (the same rows under new ids)...
            var fresh = Rewrite(tickets, Path.Combine(files, "new-tickets.csv"), _ => false);
            // ...and one in which every 100th ticket is one already stored, updated a day later (merged, not added).
            var updates = Rewrite(tickets, Path.Combine(files, "with-updates.csv"), row => row % 100 == 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {rows:N0} sample tickets (sample-data --scale), generic CSV {new FileInfo(tickets).Length / 1024.0 / 1024.0:F1} MB " +
                $"(files written in {clock.Elapsed.TotalSeconds:F1} s); {Environment.ProcessorCount} cores, DuckDB {Version()}, load average {LoadAverage()}"));

            var cases = new List<Case>
            {
                new("first load (empty database)", 0, tickets, false),
                new(string.Create(CultureInfo.InvariantCulture, $"append new tickets into {rows:N0}"), rows, fresh, false),
                new(string.Create(CultureInfo.InvariantCulture, $"append into {rows:N0}, 1% already stored*"), rows, updates, true),
            };
            if (bigBase > 0)
            {
                cases.Add(new(string.Create(CultureInfo.InvariantCulture, $"append new tickets into {bigBase:N0}"), bigBase, fresh, false));
            }
            var results = new List<(Case Case, double ReadCsv, IngestChild.Result Ingest)>();
            foreach (var c in cases)
            {
                var (ingestData, readCsvData) = Databases(work, c.BaseTickets, results.Count);
                var readCsv = ReadCsv(readCsvData, c.File, c.Replace);
                var ingest = IngestChild.Ingest(ingestData, c.BaseTickets == 0 ? clients : null, c.File);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.Name}: read_csv {readCsv:F2} s; ingest {ingest.Seconds:F2} s ({ingest.Read:N0} read, {ingest.Inserted:N0} new, " +
                    $"{ingest.Updated:N0} updated, {ingest.Rejected:N0} rejected), peak RSS {ingest.PeakKb / 1024.0:N0} MB"));
                results.Add((c, readCsv, ingest));
                Directory.Delete(ingestData, recursive: true);
                Directory.Delete(readCsvData, recursive: true);
            }

            Console.WriteLine();
            Console.WriteLine("case                                              read_csv s   ingest s   rows/s ratio   ingest peak RSS");
            foreach (var (c, readCsv, ingest) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Name,-48} {readCsv,11:F2} {ingest.Seconds,10:F2} {readCsv / ingest.Seconds,13:F2}x {ingest.PeakKb / 1024.0,14:N0} MB"));
            }
            Console.WriteLine("* merged: the ingest updates the stored tickets (newest updated_at wins); read_csv does INSERT OR REPLACE.");
            var ratios = string.Join(", ", results.Where(r => !r.Case.Replace).Select(r =>
                string.Create(CultureInfo.InvariantCulture, $"{r.Case.Name} {r.ReadCsv / r.Ingest.Seconds:F2}x")));
            Console.WriteLine($"budgets (DESIGN.md §9): ingest >= 0.50x read_csv rows/s: {ratios}; ingest memory bounded (streaming)");
            Console.WriteLine($"load average at the end: {LoadAverage()} (a shared machine: ratios within one run compare like with like)");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Two identical databases for one case: empty, or holding the first <paramref name="tickets"/> sample tickets and the
    /// 40 clients (loaded once through the appender, then copied, so that both loads start from the same file).
    /// </summary>
    private static (string Ingest, string ReadCsv) Databases(string work, long tickets, int index)
    {
        var ingest = Path.Combine(work, $"case{index}-ingest");
        var readCsv = Path.Combine(work, $"case{index}-read_csv");
        if (tickets == 0)
        {
            return (ingest, readCsv);
        }
        var seed = Path.Combine(work, $"base-{tickets}");
        if (!Directory.Exists(seed))
        {
            var clock = Stopwatch.StartNew();
            var history = new ScaledHistory(tickets);
            using (var warehouse = Warehouse.Open(seed, TimeProvider.System))
            using (var connection = warehouse.OpenConnection())
            {
                ScaledSample.AppendClients(connection, history.Clients, Source);
                ScaledSample.AppendTickets(connection, history.Tickets(), Source);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (a database of {tickets:N0} sample tickets built in {clock.Elapsed.TotalSeconds:F1} s)"));
        }
        Copy(seed, ingest);
        Copy(seed, readCsv);
        return (ingest, readCsv);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static double ReadCsv(string data, string tickets, bool replace)
    {
        using var warehouse = Warehouse.Open(data, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        var insert = ScaledSample.ReadCsvInsert(tickets, Source);
        if (replace)
        {
            insert = "INSERT OR REPLACE" + insert["INSERT".Length..];
        }
        var clock = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            connection.ExecuteNonQuery(insert);
            transaction.Commit();
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The tickets file with every ticket under a new id (M- for T-) except the rows <paramref name="stored"/> picks,
    /// which keep their id and are updated a day later: an export the database has (mostly) not seen.
    /// </summary>
    private static string Rewrite(string tickets, string path, Func<long, bool> stored)
    {
        using var reader = new StreamReader(tickets, Encoding.UTF8);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        var header = reader.ReadLine()!;
        writer.WriteLine(header);
        var updatedAt = Array.IndexOf(header.Split(','), "updated_at");
        long row = 0;
        while (reader.ReadLine() is { } line)
        {
            if (!stored(++row))
            {
                writer.WriteLine(line.StartsWith("T-", StringComparison.Ordinal) ? "M-" + line[2..] : line);
                continue;
            }
            var fields = line.Split(',');
            if (DateTimeOffset.TryParse(fields[updatedAt], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                fields[updatedAt] = at.AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
            writer.WriteLine(string.Join(',', fields));
        }
        return path;
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Version()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        return warehouse.DuckDbVersion;
    }
}
