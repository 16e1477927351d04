using SupportLens.Bench;

// Benchmarks print figures and ratios; they are not tests and assert nothing about time.
var suite = args.Length > 0 ? args[0] : "help";
switch (suite)
{
    case "storage-load":
        StorageLoadBench.Run(args.Skip(1).ToArray());
        return 0;
    case "ingest":
        IngestBench.Run(args.Skip(1).ToArray());
        return 0;
    case IngestChild.Suite:
        return IngestChild.Run(args.Skip(1).ToArray());
    case "small-files":
        SmallFilesBench.Run(args.Skip(1).ToArray());
        return 0;
    case "metrics":
        MetricsBench.Run(args.Skip(1).ToArray());
        return 0;
    case "api":
        ApiBench.Run(args.Skip(1).ToArray());
        return 0;
    case "refresh":
        RefreshBench.Run(args.Skip(1).ToArray());
        return 0;
    case "reports":
        ReportsBench.Run(args.Skip(1).ToArray());
        return 0;
    case "forecast":
        ForecastBench.Run(args.Skip(1).ToArray());
        return 0;
    case "forecast-m4":
        ForecastBench.RunM4(args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench -- SUITE [options]");
        Console.WriteLine("  storage-load [--rows N]   appender vs prepared INSERTs vs DuckDB read_csv, the same sample tickets (--scale N)");
        Console.WriteLine("  ingest [--rows N] [--base M]  tickets CSV ingest (validation on) vs DuckDB read_csv of the same file: first load, append");
        Console.WriteLine("                            into N and into M tickets (default 1,000,000 and 10,000,000; --base 0 skips), peak RSS");
        Console.WriteLine("  small-files [--dir DIR]   the 942 Statuspage incident files, one batch each (default ../shared/data/statuspage-incidents/incidents)");
        Console.WriteLine("  metrics [--tickets N]     a month's metrics over N tickets (default 10,000,000) against the 300 ms budget");
        Console.WriteLine("  api [--tickets N] [--callers C] [--rounds R] [--requests K]  p50/p95 of the main API endpoints, cold and warm, against p95 < 100 ms");
        Console.WriteLine("  refresh [--tickets N] [--files K] [--no-full]  refresh --force, then K small ticket files (10 rows) each followed by the incremental refresh");
        Console.WriteLine("  reports [--month M] [--runs N]  the sample's monthly PDFs (40 client-health + executive + 4 quality) against the 10 s budget");
        Console.WriteLine("  forecast [--tickets N | --data DIR]   forecasts with backtests for every series (sample history, N --scale tickets, or a loaded warehouse) against the 10 s budget");
        Console.WriteLine("  forecast-m4 [--m4 DIR]    the M4 Weekly evaluation (sMAPE, MASE, OWA vs Naive2), timed");
        return suite == "help" ? 0 : 2;
}
