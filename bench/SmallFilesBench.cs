using System.Diagnostics;
using System.Globalization;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// Many small files: the Statuspage incident files of `../shared/data/statuspage-incidents/incidents` (942 of GitHub's
/// incidents, one JSON file each) loaded as `supportlens ingest --kind incidents --profile statuspage FILES...` does:
/// one session, one batch and one transaction per file, into a fresh database. Prints seconds, files/s and ms per file
/// (goal: the 942 files in under 10 s), then the same incidents again, which changes nothing (every file merged, none new).
/// </summary>
internal static class SmallFilesBench
{
    private const string DefaultDirectory = "../shared/data/statuspage-incidents/incidents";

    internal static void Run(string[] args)
    {
        var at = Array.IndexOf(args, "--dir");
        var directory = Path.GetFullPath(at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine(RepositoryRoot(), DefaultDirectory));
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"no *.json files in {directory}");
        }
        var work = Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var warehouse = Warehouse.Open(work, TimeProvider.System);
            var ingestor = new Ingestor(warehouse, TimeProvider.System);
            var request = new IngestRequest(IngestKind.Incidents) { Profile = "statuspage" };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"small-files: {files.Length:N0} Statuspage incident files ({files.Sum(f => new FileInfo(f).Length) / 1024.0:N0} KB) from {directory}; " +
                $"{Environment.ProcessorCount} cores, load average {LoadAverage()}"));
            Console.WriteLine("run                       files   seconds   cpu s    files/s   ms/file   rows loaded   new  updated  rejected files");
            foreach (var run in new[] { "first load", "the same files again" })
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var reports = new List<IngestReport>(files.Length);
                using (var session = ingestor.Open(request))
                {
                    reports.AddRange(files.Select(file => session.Ingest(file)));
                }
                var seconds = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{run,-24} {files.Length,6:N0} {seconds,9:F2} {cpuSeconds,7:F2} {files.Length / seconds,10:F1} {1000 * seconds / files.Length,9:F1} " +
                    $"{reports.Sum(r => r.RowsLoaded),13:N0} {reports.Sum(r => r.RowsInserted),5:N0} {reports.Sum(r => r.RowsUpdated),8:N0} {reports.Count(r => !r.Loaded),9:N0}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"goal: the {files.Length:N0} files in under 10 s, one batch and one transaction per file; load average at the end {LoadAverage()}"));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportLens.slnx")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
