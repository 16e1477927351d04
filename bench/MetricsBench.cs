using System.Diagnostics;
using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.SampleData.Scale;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// A month's metrics over a large warehouse: the sample history's scale stream (default 10 M tickets over 18 months,
/// the 40 sample clients across the tiers, in creation order as exports arrive), loaded with the appender; every SLA
/// evaluated once (the ledger), then metrics queries timed.
/// Budget (DESIGN.md §9): a month's metrics over 10 M tickets in under 300 ms.
/// </summary>
internal static class MetricsBench
{
    /// <summary>VmHWM of this process: the most resident memory it has had.</summary>
    private static long PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    internal static void Run(string[] args)
    {
        var tickets = args.Length >= 2 && args[0] == "--tickets" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP_DATA");
        var work = keep ?? Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var warehouse = Warehouse.Open(work, TimeProvider.System);
            using var connection = warehouse.OpenConnection();
            var clock = Stopwatch.StartNew();
            var history = new ScaledHistory(tickets);
            using (var transaction = connection.BeginTransaction())
            {
                ScaledSample.AppendClients(connection, history.Clients, "bench");
                ScaledSample.AppendTickets(connection, history.Tickets(), "bench");
                transaction.Commit();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"metrics: generated and loaded {tickets:N0} sample tickets (--scale) in {clock.Elapsed.TotalSeconds:F1} s ({Environment.ProcessorCount} cores); peak RSS so far {PeakResidentMegabytes():N0} MB"));

            var settings = SupportLensSettings.Default;
            // `supportlens refresh`, as after each ingest: the derived tables (data horizons, SLA ledger) metrics read.
            var refresh = new RefreshService(warehouse, DerivedTables.All(settings, TimeProvider.System), TimeProvider.System);
            foreach (var step in refresh.Run())
            {
                var rate = step.Elapsed.TotalSeconds >= 0.1 ? string.Create(CultureInfo.InvariantCulture, $" ({step.Rows / step.Elapsed.TotalSeconds:N0}/s)") : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"metrics: refresh {step.Name} wrote {step.Rows:N0} rows in {step.Elapsed.TotalSeconds:F1} s{rate}, once after each load; peak RSS so far {PeakResidentMegabytes():N0} MB"));
            }

            var service = new MetricsService(warehouse, settings);
            var month = service.Month("2026-03");
            foreach (var grouping in new[] { MetricsGrouping.All, MetricsGrouping.Tier, MetricsGrouping.Client, MetricsGrouping.Channel })
            {
                service.Compute(month, grouping);
                var samples = new List<double>();
                for (var i = 0; i < 7; i++)
                {
                    clock.Restart();
                    var report = service.Compute(month, grouping);
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                    if (i == 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"metrics: 2026-03 by {grouping}: {report.Groups.Count} group(s), {report.Groups.Sum(g => g.TicketsCreated):N0} tickets in the month"));
                    }
                }
                samples.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"metrics: month by {grouping,-7} median {samples[3],7:F0} ms  min {samples[0],7:F0} ms  (budget 300 ms: {(samples[3] < 300 ? "within" : "OVER")}, {samples[3] / 300:F2}x of budget)"));
            }
        }
        finally
        {
            if (keep is null && Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
