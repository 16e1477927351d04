using System.Diagnostics;
using System.Globalization;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// One timed ingest in a child process, so that its peak RSS (VmHWM) is the ingest's own: not the generator's, not
/// read_csv's, not the parent's. The child opens DATA, ingests the clients file (unless "-"), then times the tickets
/// file through <see cref="Ingestor"/> as `supportlens ingest --kind tickets` does, and prints one result line.
/// </summary>
internal static class IngestChild
{
    /// <summary>The hidden suite the parent starts.</summary>
    internal const string Suite = "ingest-child";

    private const string ResultTag = "ingest-child-result";

    internal sealed record Result(long Read, long Loaded, long Inserted, long Updated, long Rejected, double Seconds, long PeakKb);

    /// <summary>In the child: DATA CLIENTS|- TICKETS.</summary>
    internal static int Run(string[] args)
    {
        var (data, clients, tickets) = (args[0], args[1], args[2]);
        using var warehouse = Warehouse.Open(data, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        if (clients != "-")
        {
            var clientReport = ingestor.Ingest(clients, new IngestRequest(IngestKind.Clients));
            if (!clientReport.Loaded || clientReport.RowsRejected > 0)
            {
                Console.Error.WriteLine($"clients: {clientReport.Status} {clientReport.Message} rejected {clientReport.RowsRejected}");
                return 1;
            }
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultTag} {report.RowsRead} {report.RowsLoaded} {report.RowsInserted} {report.RowsUpdated} {report.RowsRejected} {clock.Elapsed.TotalSeconds:R} {peak}"));
        return 0;
    }

    /// <summary>In the parent: runs the child and reads its result; the child's other output is passed through.</summary>
    internal static Result Ingest(string data, string? clients, string tickets)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestChild).Assembly.Location);
        }
        foreach (var arg in new[] { Suite, data, clients ?? "-", tickets })
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
        return new Result(L(1), L(2), L(3), L(4), L(5), double.Parse(f[6], CultureInfo.InvariantCulture), L(7));
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
}
