using System.Diagnostics;
using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
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
    internal static void Run(string[] args)
    {
        var tickets = args.Length >= 2 && args[0] == "--tickets" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP_DATA");
        var work = keep ?? Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var warehouse = Warehouse.Open(work, TimeProvider.System);
            BenchWarehouse.EnsureLoaded(warehouse, tickets, "metrics");
            var clock = Stopwatch.StartNew();

            var settings = SupportLensSettings.Default;
            // `supportlens refresh`, as after each ingest: the derived tables (data horizons, SLA ledger) metrics read.
            var refresh = new RefreshService(warehouse, DerivedTables.All(settings, TimeProvider.System), TimeProvider.System);
            foreach (var step in refresh.Run())
            {
                var rate = step.Elapsed.TotalSeconds >= 0.1 ? string.Create(CultureInfo.InvariantCulture, $" ({step.Rows / step.Elapsed.TotalSeconds:N0}/s)") : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"metrics: refresh {step.Name} wrote {step.Rows:N0} rows in {step.Elapsed.TotalSeconds:F1} s{rate}, once after each load; peak RSS so far {BenchWarehouse.PeakResidentMegabytes():N0} MB"));
            }

            var service = new MetricsService(warehouse, settings);
            var month = service.Month("2026-03");
            foreach (var grouping in new[] { MetricsGrouping.All, MetricsGrouping.Tier, MetricsGrouping.Client, MetricsGrouping.Channel })
            {
                service.Compute(month, grouping);
                var samples = new List<double>();
                var cpu = BenchWarehouse.CpuTime();
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
                var cpuMs = (BenchWarehouse.CpuTime() - cpu).TotalMilliseconds / samples.Count;
                samples.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"metrics: month by {grouping,-7} median {samples[3],7:F0} ms  min {samples[0],7:F0} ms  cpu {cpuMs,6:F0} ms/run  (budget 300 ms: {(samples[3] < 300 ? "within" : "OVER")}, {samples[3] / 300:F2}x of budget)  load average {BenchWarehouse.LoadAverage()}"));
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
