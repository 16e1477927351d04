using System.Diagnostics;
using System.Globalization;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;
using SupportLens.Ingest;
using SupportLens.Reports;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// The monthly PDFs of the committed sample history (40 clients): one client-health report per client, the executive
/// pack and the four quality reports of its last month, as one batch the way the monthly and weekly jobs render
/// them (one read of the month's figures, PDFs in parallel). Budget (DESIGN.md §9): under 10 s; QuestPDF-class speed
/// would be under 3 s. Prints the batch's wall and CPU time (median of the runs after a warm-up), a sequential run per
/// kind (each with its own reads), and each report's pages and size.
/// </summary>
internal static class ReportsBench
{
    private static readonly (IngestKind Kind, string File)[] Files =
    [
        (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.TicketEvents, "ticket-events.csv.gz"),
        (IngestKind.Csat, "csat.csv"), (IngestKind.Nps, "nps.csv"), (IngestKind.Incidents, "incidents.csv"), (IngestKind.Checks, "checks.csv.gz"),
        (IngestKind.Volume, "volume.csv.gz"),
    ];

    internal static void Run(string[] args)
    {
        var month = Option(args, "--month") ?? "2026-10";
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var samples = Option(args, "--samples") ?? Path.Combine(RepositoryRoot(), "sample-data");
        var work = Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var time = TimeProvider.System;
            using var warehouse = Warehouse.Open(Path.Combine(work, "data"), time);
            var clock = Stopwatch.StartNew();
            var ingestor = new Ingestor(warehouse, time);
            foreach (var (kind, file) in Files)
            {
                ingestor.Ingest(Path.Combine(samples, file), new IngestRequest(kind));
            }

            var settings = SupportLensSettings.Default;
            new RefreshService(warehouse, DerivedTables.All(settings, time), time).Run();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reports: sample history loaded and refreshed in {clock.Elapsed.TotalSeconds:F1} s (not timed below); {Environment.ProcessorCount} cores"));

            var clients = new ClientDirectory(warehouse);
            var sources = new ReportSources(settings, new MetricsService(warehouse, settings), new IncidentMetricsService(warehouse, settings, time),
                new SlaBreakdown(warehouse), new ArrivalPatterns(warehouse), new OpenEscalations(warehouse), clients,
                new ForecastReader(warehouse), new VolumeHistoryReader(warehouse, settings.ReportingTimeZone, time),
                new SpikeReader(warehouse), new CapacityService(warehouse, settings),
                new ClientHealthService(warehouse, settings), new DataVersionReader(warehouse));
            // A renderer keeps a period's figures while the data stands: each timed run gets a fresh one, so it reads them.
            ReportRenderer Fresh() => new(sources, new ReportArchive(warehouse, time), Path.Combine(work, "reports"), time);
            var everyClient = clients.All().Select(c => c.ClientId).ToList();
            ReportKind[] monthly = [ReportKind.Executive, .. ReportKinds.Quality, ReportKind.Capacity, ReportKind.ClientHealth];

            clock.Restart();
            Fresh().Render(ReportKind.Csat, month, outDirectory: Path.Combine(work, "warm-up"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reports: warm-up (loads Skia, the fonts, ScottPlot, JIT) {clock.Elapsed.TotalMilliseconds:N0} ms"));

            var walls = new List<double>();
            var cpus = new List<double>();
            IReadOnlyList<RenderedReport> written = [];
            for (var run = 0; run < runs; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                written = Fresh().Render(monthly, month, everyClient, Path.Combine(work, "batch"));
                walls.Add(clock.Elapsed.TotalSeconds);
                cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }

            walls.Sort();
            cpus.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reports: {month}: {written.Count} PDFs ({everyClient.Count} client-health + executive + 4 quality + capacity), {written.Sum(r => r.Pages):N0} pages, {written.Sum(r => r.Bytes) / 1048576.0:F1} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reports: batch wall {walls[walls.Count / 2]:F2} s median of {runs} (min {walls[0]:F2} s), CPU {cpus[cpus.Count / 2]:F2} s; budget 10 s: {(walls[walls.Count / 2] < 10 ? "within" : "OVER")} ({walls[walls.Count / 2] / 10:P0} of it; QuestPDF-class 3 s: {walls[walls.Count / 2] / 3:F2}x)"));

            Console.WriteLine("reports: each kind on its own, sequentially (its own reads of the month's figures included):");
            foreach (var kind in monthly)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                var one = kind == ReportKind.ClientHealth
                    ? Fresh().Render([kind], month, everyClient, Path.Combine(work, "kinds"))
                    : Fresh().Render(kind, month, outDirectory: Path.Combine(work, "kinds"));
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kind.Name(),-14} {one.Count,3} PDF(s) wall {elapsed,7:N0} ms, CPU {cpu,7:N0} ms ({cpu / one.Count,5:N0} ms each)  pages {Range(one.Select(r => (double)r.Pages), "F0")}  size {Range(one.Select(r => r.Bytes / 1024.0), "N0")} KB"));
            }

            // Where the time goes: the month's reads from Analytics, then layout and drawing alone, on one thread each.
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var figures = new SupportLens.Reports.Documents.Data.PeriodFigures(sources, ReportSpan.Parse(month, settings.ReportingTimeZone));
            _ = (figures.All, figures.ByTier, figures.ByChannel, figures.ByClient, figures.PreviousByTier, figures.Trend, figures.Incidents,
                figures.PreviousIncidents, figures.SlaByPriority, figures.WorstBreaches, figures.Arrivals, figures.Clients);
            _ = (figures.Forecast, figures.Volumes, figures.Spikes, figures.Capacity, figures.Book, figures.PreviousBook);
            foreach (var client in everyClient)
            {
                _ = (figures.ClientTrend(client), figures.IncidentsFor(client), figures.OpenEscalationsOf(client));
                _ = figures.HealthOf(figures.Clients.First(c => c.ClientId == client));
            }

            _ = figures.Sources.Incidents.Incidents(figures.Period);
            var readWall = clock.Elapsed.TotalMilliseconds;
            var readCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;
            cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var pages = 0;
            foreach (var kind in monthly)
            {
                foreach (var client in kind == ReportKind.ClientHealth ? everyClient.Cast<string?>() : [null])
                {
                    pages += SupportLens.Reports.Pdf.ReportDocument.Render(SupportLens.Reports.Documents.ReportDocuments.Create(kind, figures, client), time).PageCount;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reports: one thread, the batch split: Analytics reads wall {readWall:N0} ms (CPU {readCpu:N0} ms, DuckDB runs some in parallel); " +
                $"layout and drawing of {pages} pages wall {clock.Elapsed.TotalMilliseconds:N0} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds:N0} ms)"));

            Console.WriteLine("reports: every PDF of the batch:");
            foreach (var report in written)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Path.GetFileName(report.Path),-28} {report.Pages,3} pages {report.Bytes / 1024.0,8:N0} KB"));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // The temp directory is the OS's to clean if a file is still held.
            }
        }
    }

    private static string Range(IEnumerable<double> values, string format)
    {
        var list = values.ToList();
        var (low, high) = (list.Min(), list.Max());
        return low == high
            ? low.ToString(format, CultureInfo.InvariantCulture)
            : low.ToString(format, CultureInfo.InvariantCulture) + "–" + high.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SupportLens.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SupportLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
