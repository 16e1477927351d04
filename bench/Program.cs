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
    case IngestBench.ChildSuite:
        return IngestBench.RunChild(args.Skip(1).ToArray());
    case "metrics":
        MetricsBench.Run(args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench -- SUITE [options]");
        Console.WriteLine("  storage-load [--rows N]   appender vs prepared INSERTs vs DuckDB read_csv, the same sample tickets (--scale N)");
        Console.WriteLine("  ingest [--rows N]         tickets CSV ingest (validation on) vs DuckDB read_csv of the same file, peak RSS (default 10,000,000)");
        Console.WriteLine("  metrics [--tickets N]     a month's metrics over N tickets (default 10,000,000) against the 300 ms budget");
        return suite == "help" ? 0 : 2;
}
