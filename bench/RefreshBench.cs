using System.Globalization;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Refresh;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// `supportlens refresh` over a large warehouse (default the metrics bench's 10 M scale tickets; BENCH_KEEP_DATA=DIR
/// reuses one): a full rebuild (`refresh --force`), then two small ticket files of 10 rows each (the next hours'
/// tickets, as an hourly export brings them) ingested and followed by the incremental refresh ingest runs. Each step
/// prints wall and CPU seconds and its own peak RSS, with the load average (the machine is shared: read CPU seconds
/// and the ratio of full to incremental).
/// </summary>
internal static class RefreshBench
{
    internal static void Run(string[] args)
    {
        var tickets = Value(args, "--tickets") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 10_000_000;
        var files = Value(args, "--files") is { } f ? int.Parse(f, CultureInfo.InvariantCulture) : 2;
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP_DATA");
        var work = keep ?? Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var warehouse = Warehouse.Open(work, TimeProvider.System);
            BenchWarehouse.EnsureLoaded(warehouse, tickets, "refresh");
            var settings = SupportLensSettings.Default;
            var refresh = new RefreshService(warehouse, DerivedTables.All(settings, TimeProvider.System), TimeProvider.System);

            Measure("catch-up (stale tables only)", () => refresh.Run(force: false, Step));
            var full = args.Contains("--no-full") ? null : Measure("full rebuild (--force)", () => refresh.Run(force: true, Step));

            var ingestor = new Ingestor(warehouse, TimeProvider.System);
            for (var i = 1; i <= files; i++)
            {
                var file = SmallFile(warehouse, work, i);
                var before = LastCompleteDay(warehouse, settings);
                var report = ingestor.Ingest(file, new IngestRequest(IngestKind.Tickets) { Source = "bench" });
                File.Delete(file);
                var after = Measure($"small file {i}: {report.RowsLoaded} tickets, then refresh", () => refresh.Run(force: false, Step));
                var moved = LastCompleteDay(warehouse, settings);
                var day = moved == before
                    ? string.Create(CultureInfo.InvariantCulture, $"stayed {moved:uuuu-MM-dd}")
                    : string.Create(CultureInfo.InvariantCulture, $"moved {before:uuuu-MM-dd} -> {moved:uuuu-MM-dd}");
                var ratio = full is { } whole
                    ? string.Create(CultureInfo.InvariantCulture, $"; full / incremental: wall {whole.Wall / after.Wall:F1}x, cpu {whole.Cpu / after.Cpu:F1}x")
                    : "";
                Console.WriteLine($"refresh:   the last complete day {day}{ratio}");
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

    private sealed record Figures(double Wall, double Cpu);

    private static Figures Measure(string label, Func<IReadOnlyList<RefreshStep>> run)
    {
        Console.WriteLine($"refresh: {label}; load average {BenchWarehouse.LoadAverage()}");
        BenchWarehouse.ResetPeak();
        var cpu = BenchWarehouse.CpuTime();
        _stepCpu = cpu;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        run();
        var figures = new Figures(clock.Elapsed.TotalSeconds, (BenchWarehouse.CpuTime() - cpu).TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"refresh:   total {figures.Wall,7:F1} s wall {figures.Cpu,7:F1} s cpu; load average {BenchWarehouse.LoadAverage()}"));
        return figures;
    }

    private static TimeSpan _stepCpu = BenchWarehouse.CpuTime();

    // Each step's own peak: the high-water mark is reset after each one is printed.
    private static void Step(RefreshStep step)
    {
        var cpu = BenchWarehouse.CpuTime();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"refresh:   {step.Name,-14} {(step.WasStale ? $"{step.Rows,10:N0} rows" : "  up to date"),-15} {step.Elapsed.TotalSeconds,7:F2} s wall {(cpu - _stepCpu).TotalSeconds,7:F2} s cpu  peak RSS {BenchWarehouse.PeakResidentMegabytes(),6:N0} MB"));
        BenchWarehouse.ResetPeak();
        _stepCpu = BenchWarehouse.CpuTime();
    }

    /// <summary>Ten tickets of the next hour after the data's horizon, as an hourly export brings them (generic profile).</summary>
    private static string SmallFile(Warehouse warehouse, string dir, int index)
    {
        _stepCpu = BenchWarehouse.CpuTime();
        Instant horizon;
        using (var connection = warehouse.OpenConnection())
        {
            horizon = DataHorizons.Read(connection).Tickets ?? Instant.FromUtc(2026, 11, 1, 0, 0);
        }
        var text = new StringBuilder("ticket_id,client_id,created_at,channel,priority,status,category,support_level,agent_id," +
            "first_response_at,solved_at,closed_at,updated_at,agent_replies,reopens,escalated\n");
        var run = horizon.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string At(Instant i) => i.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        for (var i = 0; i < 10; i++)
        {
            var created = horizon.Plus(Duration.FromMinutes(5 * (i + 1)));
            var solved = i % 3 != 0;
            var reply = created.Plus(Duration.FromMinutes(3));
            var done = created.Plus(Duration.FromMinutes(40));
            text.Append(CultureInfo.InvariantCulture, $"S-{run}-{index}-{i},C-{1 + (i * 7) % 40:000},{At(created)},{(i % 2 == 0 ? "email" : "chat")},")
                .Append(i == 4 ? "urgent" : "normal").Append(',').Append(solved ? "solved" : "open").Append(",how-to,1,A-002,")
                .Append(solved ? At(reply) : "").Append(',').Append(solved ? At(done) : "").Append(",,")
                .Append(At(solved ? done : created)).Append(',').Append(solved ? "1" : "0").Append(",0,false\n");
        }
        var path = Path.Combine(dir, $"small-{run}-{index}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static LocalDate? LastCompleteDay(Warehouse warehouse, SupportLensSettings settings)
    {
        using var connection = warehouse.OpenConnection();
        return DataHorizons.Read(connection).Tickets?.InZone(settings.ReportingTimeZone).Date.PlusDays(-1);
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
