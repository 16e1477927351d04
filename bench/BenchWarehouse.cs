using System.Diagnostics;
using System.Globalization;
using SupportLens.SampleData.Scale;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Bench;

/// <summary>
/// The large warehouse the metrics and refresh benches share: N tickets of the `--scale` stream, loaded once through the
/// appender as one ingest batch (with its <c>ingest_batches</c> row, so that refresh's batch marks see it as loaded data).
/// With BENCH_KEEP_DATA=DIR an existing warehouse there is reused as it is, so the 10 M tickets are generated once.
/// </summary>
internal static class BenchWarehouse
{
    /// <summary>Loads <paramref name="tickets"/> scale tickets unless the warehouse already holds tickets; says which.</summary>
    internal static void EnsureLoaded(Warehouse warehouse, int tickets, string suite)
    {
        using var connection = warehouse.OpenConnection();
        using (var count = connection.CreateCommand("SELECT count(*) FROM tickets"))
        {
            if (count.ExecuteScalar<long>() is var stored and > 0)
            {
                RecordBatch(connection);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{suite}: reusing the warehouse's {stored:N0} tickets (BENCH_KEEP_DATA); load average {LoadAverage()}"));
                return;
            }
        }
        var clock = Stopwatch.StartNew();
        var history = new ScaledHistory(tickets);
        using (var transaction = connection.BeginTransaction())
        {
            ScaledSample.AppendClients(connection, history.Clients, "bench");
            ScaledSample.AppendTickets(connection, history.Tickets(), "bench");
            transaction.Commit();
        }
        RecordBatch(connection);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{suite}: generated and loaded {tickets:N0} sample tickets (--scale) in {clock.Elapsed.TotalSeconds:F1} s ({Environment.ProcessorCount} cores); peak RSS so far {PeakResidentMegabytes():N0} MB"));
    }

    /// <summary>The appender's rows carry batch 1: its row in ingest_batches, as an ingest would have written it.</summary>
    private static void RecordBatch(WarehouseConnection connection)
    {
        using var any = connection.CreateCommand("SELECT count(*) FROM ingest_batches");
        if (any.ExecuteScalar<long>() > 0)
        {
            return;
        }
        connection.ExecuteNonQuery("""
            INSERT INTO ingest_batches (batch_id, kind, profile, file, sha256, started_at, finished_at, rows_read, rows_loaded, status)
            SELECT nextval('ingest_batch_ids'), 'tickets', 'bench', 'scale stream', '-', now(), now(), n, n, 'loaded'
            FROM (SELECT count(*) AS n FROM tickets);
            """);
    }

    /// <summary>VmHWM of this process: the most resident memory it has had (since the last <see cref="ResetPeak"/>).</summary>
    internal static long PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Starts a new peak-RSS measurement (Linux: writing 5 to clear_refs resets VmHWM to the current RSS).</summary>
    internal static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux, or not allowed: the figure stays the process's peak so far.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static long ResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    internal static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
