using System.Text.RegularExpressions;
using SupportLens.Analytics.Archive;
using SupportLens.Web.Auth;
using SupportLens.Web.Composition;

namespace SupportLens.Web.Dashboard;

/// <summary>
/// One PDF of the archive: a file under <c>DATA/reports/&lt;period&gt;/</c> and/or the latest <c>report_runs</c> row that
/// wrote it. A run whose PDF went elsewhere (`report --out DIR`) is listed with its path but is not served.
/// </summary>
/// <param name="Period">"2026-10" (a month) or "2026-W47" (the weekly quality reports' ISO week).</param>
/// <param name="File">The file name under the period's folder.</param>
/// <param name="Status">The latest run's "succeeded", "failed" or "running"; "on disk" for a file no run recorded.</param>
internal sealed record ArchivedReport(
    string Report, string Period, string? ClientId, string File, string? Path, bool OnDisk, long? RunId, int? Pages, long? Bytes,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string Status, string? Message, int Runs);

/// <summary>
/// The reports archive the pages and the API list and serve: every report in <c>report_runs</c> and every PDF on disk under
/// <c>DATA/reports</c>, newest period first. Who may see what: admins, executives and planners every report; a success
/// manager the client-health reports of their own clients and no org-wide report (those hold every client's figures).
/// </summary>
internal sealed partial class ReportLibrary(ReportArchive archive, SupportLensOptions options)
{
    /// <summary>Report kinds as file names start (DESIGN.md §6); client-health files end with the client id.</summary>
    internal static readonly IReadOnlyList<string> Kinds = ["executive", "csat", "nps", "fcr", "sla", "client-health", "capacity"];

    internal const string ClientHealth = "client-health";

    internal string Directory => System.IO.Path.Combine(options.DataDirectory, "reports");

    /// <summary>
    /// Everything in the archive that <paramref name="viewer"/> may see, newest period first. Reads the ledger and the
    /// folder on each call (a few milliseconds): the jobs write reports while the server runs, outside any data version.
    /// </summary>
    internal IReadOnlyList<ArchivedReport> List(Viewer viewer)
    {
        var root = System.IO.Path.GetFullPath(Directory);
        var entries = new Dictionary<(string Period, string File), ArchivedReport>();
        var runs = archive.List(limit: 10_000);
        // Oldest first, so the latest run of a file is the one kept.
        foreach (var run in runs.OrderBy(r => r.RunId))
        {
            var file = run.Path is { } path ? System.IO.Path.GetFileName(path) : FileName(run.Report, run.ClientId);
            var inArchive = run.Path is null || IsUnder(root, run.Path, run.Period);
            var key = (run.Period, inArchive ? file : run.Path!);
            var count = entries.TryGetValue(key, out var earlier) ? earlier.Runs + 1 : 1;
            entries[key] = new ArchivedReport(run.Report, run.Period, run.ClientId, file, run.Path, false, run.RunId, run.Pages, run.Bytes,
                run.StartedAt, run.FinishedAt, run.Status, run.Message, count);
        }
        if (System.IO.Directory.Exists(root))
        {
            foreach (var folder in System.IO.Directory.EnumerateDirectories(root).Where(d => PeriodPattern().IsMatch(System.IO.Path.GetFileName(d))))
            {
                var period = System.IO.Path.GetFileName(folder);
                foreach (var pdf in System.IO.Directory.EnumerateFiles(folder, "*.pdf"))
                {
                    var file = System.IO.Path.GetFileName(pdf);
                    if (entries.TryGetValue((period, file), out var known))
                    {
                        entries[(period, file)] = known with { OnDisk = true, Path = pdf };
                    }
                    else if (Parse(file) is { } parsed)
                    {
                        var info = new FileInfo(pdf);
                        entries[(period, file)] = new ArchivedReport(parsed.Report, period, parsed.ClientId, file, pdf, true, null, null, info.Length,
                            null, info.LastWriteTimeUtc, "on disk", null, 0);
                    }
                }
            }
        }
        return [.. entries.Values
            .Where(e => MaySee(viewer, e))
            .OrderByDescending(e => e.Period, StringComparer.Ordinal)
            .ThenBy(e => Kinds.ToList().IndexOf(e.Report) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(e => e.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>The file of the archive at <paramref name="period"/>/<paramref name="file"/> that the viewer may download, or null.</summary>
    internal ArchivedReport? Find(Viewer viewer, string period, string file) =>
        PeriodPattern().IsMatch(period)
            ? List(viewer).FirstOrDefault(e => e.OnDisk && e.Period == period && e.File == file && IsUnder(System.IO.Path.GetFullPath(Directory), e.Path!, period))
            : null;

    /// <summary>Whether a report exists that the viewer may not see (a 403 rather than a 404).</summary>
    internal bool Exists(string period, string file) =>
        PeriodPattern().IsMatch(period) && List(new Viewer("", "", null)).Any(e => e.OnDisk && e.Period == period && e.File == file);

    internal static bool MaySee(Viewer viewer, ArchivedReport report) =>
        viewer.SeesAllClients || (report.Report == ClientHealth && report.ClientId is { } client && viewer.MaySee(client));

    internal static string FileName(string report, string? clientId) => clientId is null ? $"{report}.pdf" : $"{report}-{clientId}.pdf";

    /// <summary>The report kind and client of a file name ("client-health-C-001.pdf"); null for a file that is not a report.</summary>
    internal static (string Report, string? ClientId)? Parse(string file)
    {
        if (!file.EndsWith(".pdf", StringComparison.Ordinal))
        {
            return null;
        }
        var name = file[..^4];
        if (name.StartsWith(ClientHealth + "-", StringComparison.Ordinal) && name.Length > ClientHealth.Length + 1)
        {
            return (ClientHealth, name[(ClientHealth.Length + 1)..]);
        }
        return Kinds.Contains(name) && name != ClientHealth ? (name, null) : null;
    }

    private static bool IsUnder(string root, string path, string period)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.Combine(root, period) + System.IO.Path.DirectorySeparatorChar;
        return full.StartsWith(folder, StringComparison.Ordinal) && System.IO.Path.GetDirectoryName(full) + System.IO.Path.DirectorySeparatorChar == folder;
    }

    [GeneratedRegex(@"^\d{4}-(\d{2}|W\d{2})$")]
    private static partial Regex PeriodPattern();
}
