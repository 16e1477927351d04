using System.Diagnostics;
using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.M4;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Refresh;
using SupportLens.Ingest;
using SupportLens.SampleData.Scale;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// Forecasts with backtests for every series (DESIGN.md §9 budget: under 10 s), on the committed sample history, on N
/// tickets of the sample history's --scale stream (--tickets N), or on a warehouse loaded with the CLI (--data DIR); and
/// the M4 Weekly evaluation.
/// </summary>
internal static class ForecastBench
{
    private const double BudgetSeconds = 10;

    internal static void Run(string[] args)
    {
        var data = Value(args, "--data");
        var settings = Value(args, "--config") is { } config ? SupportLensSettings.Load(config) : SupportLensSettings.Default;
        var forecast = settings.Forecast;
        if (Value(args, "--horizon") is { } days)
        {
            forecast = forecast with { HorizonDays = int.Parse(days, CultureInfo.InvariantCulture) };
        }

        if (args.Contains("--no-gbm"))
        {
            forecast = forecast with { GradientBoosting = false };
        }

        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP_DATA");
        var temporary = data is null ? keep ?? Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N")) : null;
        try
        {
            using var warehouse = Warehouse.Open(data ?? temporary!, TimeProvider.System);
            var tickets = Value(args, "--tickets") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : (long?)null;
            var label = data is not null ? Path.GetFileName(Path.GetFullPath(data).TrimEnd('/'))
                : tickets is { } count ? string.Create(CultureInfo.InvariantCulture, $"{count:N0} tickets") : "sample";
            if (data is null && tickets is { } scale)
            {
                LoadScaled(warehouse, scale);
            }
            else if (data is null)
            {
                LoadSample(warehouse);
            }

            using var connection = warehouse.OpenConnection();
            var horizonTable = new DataHorizonTable(TimeProvider.System);
            if (horizonTable.IsStale(connection))
            {
                horizonTable.Refresh(connection);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var history = new VolumeSeriesQuery(settings.ReportingTimeZone, TimeProvider.System).Read(connection);
            var read = clock.Elapsed.TotalSeconds;
            var readCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"forecast [{label}]: {history.Series.Count} daily series (+{history.ClientChannels.Count} client×channel for spikes) through {history.LastCompleteDay:uuuu-MM-dd}, read in {read:F2} s ({readCpu:F2} s CPU); {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

            clock.Restart();
            var daily = new VolumeForecaster(TimeProvider.System, forecast.DailyOptions()).Forecast(history.Series);
            var dailySeconds = clock.Elapsed.TotalSeconds;
            Report(label, "daily", daily, dailySeconds);

            clock.Restart();
            var weekly = new VolumeForecaster(TimeProvider.System, forecast.WeeklyOptions()).Forecast(history.Weekly());
            var weeklySeconds = clock.Elapsed.TotalSeconds;
            Report(label, "weekly", weekly, weeklySeconds);

            var total = read + dailySeconds + weeklySeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"forecast [{label}]: read + daily + weekly {total:F2} s wall = {total / BudgetSeconds:F2}× the {BudgetSeconds:F0} s budget; {cpuSeconds:F2} s of CPU (what an idle core would take: {cpuSeconds / BudgetSeconds:F2}×)"));
        }
        finally
        {
            if (temporary is not null && keep is null && Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    internal static void RunM4(string[] args)
    {
        var directory = Value(args, "--m4") ?? Path.Combine(RepositoryRoot(), "..", "shared", "data", "m4-weekly");
        var clock = Stopwatch.StartNew();
        var result = new M4Evaluation().Evaluate(directory);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecast-m4: {result.Series} series, horizon {result.Horizon}: sMAPE {result.Smape:F3}, MASE {result.Mase:F3}, OWA {result.Owa:F3} (Naive2 sMAPE {result.Naive2.Smape:F3}, MASE {result.Naive2.Mase:F3}) in {seconds:F1} s; load average {LoadAverage()}"));
        Console.WriteLine("forecast-m4: chosen " + string.Join(", ", result.Models.Select(m => $"{m.Key} {m.Value}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecast-m4: coverage on the test set 80 % -> {result.Coverage.Test80:P1}, 95 % -> {result.Coverage.Test95:P1}"));
    }

    private static void Report(string label, string frequency, ForecastRun run, double seconds)
    {
        var measured = run.Series.Where(s => s.BacktestMase is not null && s.SeasonalNaiveMase is not null).ToArray();
        var ours = measured.Length == 0 ? double.NaN : measured.Average(s => s.BacktestMase!.Value);
        var naive = measured.Length == 0 ? double.NaN : measured.Average(s => s.SeasonalNaiveMase!.Value);
        var better = measured.Count(s => s.BacktestMase < s.SeasonalNaiveMase);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecast [{label}] {frequency}: {run.Series.Count} series, horizon {run.Horizon}, {seconds:F2} s ({seconds / BudgetSeconds:F2}× budget); backtest MASE chosen {ours:F3} vs seasonal naive {naive:F3} (ratio {ours / naive:F3}; chosen better on {better}/{measured.Length}); coverage 80 % -> {run.Coverage.Coverage80:P1}, 95 % -> {run.Coverage.Coverage95:P1} over {run.Coverage.Points} held-out points"));
        Console.WriteLine($"forecast [{label}] {frequency}: chosen " + string.Join(", ", run.Series.GroupBy(s => s.Model).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
    }

    private static void LoadScaled(Warehouse warehouse, long tickets)
    {
        var clock = Stopwatch.StartNew();
        var history = new ScaledHistory(tickets);
        using var connection = warehouse.OpenConnection();
        using var transaction = connection.BeginTransaction();
        ScaledSample.AppendClients(connection, history.Clients, "bench");
        ScaledSample.AppendTickets(connection, history.Tickets(), "bench");
        transaction.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecast: generated and loaded {tickets:N0} sample tickets (--scale) in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static void LoadSample(Warehouse warehouse)
    {
        var sample = Path.Combine(RepositoryRoot(), "sample-data");
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        foreach (var (kind, file) in new[] { (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.Volume, "volume.csv.gz") })
        {
            var report = ingestor.Ingest(Path.Combine(sample, file), new IngestRequest(kind));
            if (report.Status != "loaded")
            {
                throw new InvalidOperationException($"{file}: {report.Message}");
            }
        }
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportLens.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (SupportLens.slnx) is not above " + AppContext.BaseDirectory);
    }
}
