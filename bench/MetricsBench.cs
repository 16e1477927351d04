using System.Diagnostics;
using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// A month's metrics over a large warehouse (default 10 M tickets over 18 months, 40 clients across the tiers):
/// loads the tickets with the appender, evaluates every SLA once (the ledger), then times metrics queries.
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

    private static readonly string[] Tiers = ["starter", "professional", "business", "enterprise"];

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
            using (var transaction = connection.BeginTransaction())
            {
                using var clients = connection.CreateAppender("clients");
                for (var c = 1; c <= 40; c++)
                {
                    clients.Append($"C-{c:D3}").Append("bench").Append($"Client {c}").Append(Tiers[c % 4]).AppendNull().AppendNull()
                        .Append($"csm-{c % 6}").AppendNull().AppendNull().AppendNull().AppendNull().AppendNull().AppendNull().EndRow();
                }
                clients.Complete();
                using var appender = connection.CreateAppender("tickets");
                foreach (var t in SyntheticTicket.Generate(tickets))
                {
                    appender.Append("bench").Append(t.TicketId).Append(t.ClientId).Append(t.CreatedAt).Append(t.Channel).Append(t.Priority)
                        .Append(t.Status).Append(t.Category).Append((short)t.SupportLevel).Append(t.AgentId).Append(t.FirstResponseAt)
                        .Append(t.SolvedAt).AppendNull().Append(t.UpdatedAt).Append(t.AgentReplies).Append(t.Reopens).Append(t.Escalated)
                        .Append(1L).EndRow();
                }
                appender.Complete();
                transaction.Commit();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"metrics: loaded {tickets:N0} tickets in {clock.Elapsed.TotalSeconds:F1} s ({Environment.ProcessorCount} cores); peak RSS so far {PeakResidentMegabytes():N0} MB"));

            var settings = SupportLensSettings.Default;
            clock.Restart();
            var evaluated = new RefreshService(warehouse, DerivedTables.All(settings, TimeProvider.System), TimeProvider.System).Run(force: true).Sum(s => s.Rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"metrics: SLA ledger evaluated {evaluated:N0} tickets in {clock.Elapsed.TotalSeconds:F1} s ({evaluated / clock.Elapsed.TotalSeconds:N0}/s), once after each load; peak RSS so far {PeakResidentMegabytes():N0} MB"));

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
