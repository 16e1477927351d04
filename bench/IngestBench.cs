using System.Diagnostics;
using System.Globalization;
using SupportLens.Ingest;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Bench;

/// <summary>
/// Ingest of a generic tickets CSV (validation on, as `supportlens ingest` does) against DuckDB's own read_csv of the
/// same file into the same table, in the same run. The ingest runs in a child process so that its peak RSS (VmHWM)
/// is its own: not the generator's, not read_csv's. Budgets (DESIGN.md §9): ingest ≥ 0.5× read_csv rows/s; memory
/// bounded (streaming).
/// </summary>
internal static class IngestBench
{
    /// <summary>The hidden suite the parent starts: ingest clients then tickets into DATA and print one result line.</summary>
    internal const string ChildSuite = "ingest-child";

    private const string ResultTag = "ingest-child-result";

    internal static void Run(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var work = Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var clock = Stopwatch.StartNew();
            var (clients, tickets) = ScaledSample.WriteFiles(work, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {rows:N0} sample tickets (sample-data --scale), generic CSV {new FileInfo(tickets).Length / 1024.0 / 1024.0:F1} MB (written in {clock.Elapsed.TotalSeconds:F1} s), " +
                $"{Environment.ProcessorCount} cores, DuckDB {Version()}"));

            var ingest = IngestInChild(Path.Combine(work, "ingest"), clients, tickets);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ingest     read {ingest.Read:N0}, loaded {ingest.Loaded:N0}, rejected {ingest.Rejected:N0}, {ingest.Stored:N0} rows in tickets, " +
                $"{ingest.Seconds:F2} s; peak RSS {ingest.PeakKb / 1024.0:N0} MB"));
            var readCsv = ReadCsv(Path.Combine(work, "read_csv"), tickets);

            Console.WriteLine();
            Console.WriteLine("method                              seconds        rows/s    vs read_csv");
            Print("DuckDB read_csv (baseline)", rows, readCsv, readCsv);
            Print("SupportLens ingest (validation on)", rows, ingest.Seconds, readCsv);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest peak RSS (VmHWM of the ingest process): {ingest.PeakKb / 1024.0:N0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"budgets: ingest >= 0.50x read_csv rows/s: {(rows / ingest.Seconds) / (rows / readCsv):F2}x; ingest memory bounded (streaming)"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>In the child: ingest clients, then time the tickets file; print counts, seconds and VmHWM.</summary>
    internal static int RunChild(string[] args)
    {
        var (data, clients, tickets) = (args[0], args[1], args[2]);
        using var warehouse = Warehouse.Open(data, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        var clientReport = ingestor.Ingest(clients, new IngestRequest(IngestKind.Clients));
        if (!clientReport.Loaded || clientReport.RowsRejected > 0)
        {
            Console.Error.WriteLine($"clients: {clientReport.Status} {clientReport.Message} rejected {clientReport.RowsRejected}");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var report = ingestor.Ingest(tickets, new IngestRequest(IngestKind.Tickets));
        clock.Stop();
        var peak = PeakRssKb();
        if (!report.Loaded)
        {
            Console.Error.WriteLine($"tickets: {report.Status} {report.Message}");
            return 1;
        }
        using var connection = warehouse.OpenConnection();
        using var count = connection.CreateCommand("SELECT count(*) FROM tickets");
        var stored = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultTag} {report.RowsRead} {report.RowsLoaded} {report.RowsRejected} {stored} {clock.Elapsed.TotalSeconds:R} {peak}"));
        return 0;
    }

    private sealed record ChildResult(long Read, long Loaded, long Rejected, long Stored, double Seconds, long PeakKb);

    private static ChildResult IngestInChild(string data, string clients, string tickets)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestBench).Assembly.Location);
        }
        foreach (var arg in new[] { ChildSuite, data, clients, tickets })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        string? result = null;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ResultTag, StringComparison.Ordinal))
            {
                result = line;
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        child.WaitForExit();
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"the ingest child failed with exit code {child.ExitCode}");
        }
        var f = result.Split(' ');
        long L(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
        return new ChildResult(L(1), L(2), L(3), L(4), double.Parse(f[5], CultureInfo.InvariantCulture), L(6));
    }

    private static double ReadCsv(string data, string tickets)
    {
        using var warehouse = Warehouse.Open(data, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        var clock = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            connection.ExecuteNonQuery(ScaledSample.ReadCsvInsert(tickets, "generic"));
            transaction.Commit();
        }
        clock.Stop();
        using var count = connection.CreateCommand("SELECT count(*) FROM tickets");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  read_csv   loaded {count.ExecuteScalar():N0} rows in {clock.Elapsed.TotalSeconds:F2} s"));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The process's peak resident set (VmHWM) in kB, from /proc/self/status.</summary>
    private static long PeakRssKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return -1;
    }

    private static string Version()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        return warehouse.DuckDbVersion;
    }

    private static void Print(string method, int rows, double seconds, double baselineSeconds)
    {
        var rate = rows / seconds;
        var baselineRate = rows / baselineSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method,-34} {seconds,8:F2} {rate,13:N0} {rate / baselineRate,12:F2}x"));
    }
}
