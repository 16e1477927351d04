using System.Text;
using SupportLens.Analytics.Archive;
using SupportLens.Reports.Documents;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports;

/// <summary>A report written to disk.</summary>
/// <param name="Period">The month, "YYYY-MM".</param>
/// <param name="ClientId">The client of a client-health report; null for the others.</param>
public sealed record RenderedReport(ReportKind Kind, string Period, string? ClientId, string Path, int Pages, long Bytes);

/// <summary>One or more reports of a batch failed; the others were written.</summary>
public sealed class ReportRenderException(string message, IReadOnlyList<RenderedReport> written, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The reports of the batch that were written before or despite the failure.</summary>
    public IReadOnlyList<RenderedReport> Written { get; } = written;
}

/// <summary>
/// Writes report PDFs: what `supportlens report` and the jobs call. Each PDF goes to
/// <c>DATA/reports/&lt;YYYY-MM&gt;/&lt;report&gt;.pdf</c> (client-health: <c>client-health-&lt;client&gt;.pdf</c>), or to
/// <c>outDirectory</c>, written whole or not at all, and is recorded in <c>report_runs</c> (running, then succeeded
/// with its path, pages and size, or failed with the error) so the dashboards' archive lists it. Reports read
/// Analytics records only and never refresh derived tables. The same data and clock give the same bytes.
/// </summary>
/// <remarks>
/// A batch shares one read of the month's figures: <see cref="Render(IEnumerable{ReportKind}, string, string?, Action{RenderedReport}?)"/>
/// with the executive pack and client-health reads the month's metrics once for all of them.
/// </remarks>
public sealed class ReportRenderer(ReportSources sources, ReportArchive archive, string reportsDirectory, TimeProvider time)
{
    /// <summary>
    /// Renders one kind for a month (YYYY-MM in the reporting time zone). client-health renders the one client given,
    /// else one PDF per client active in the month (in parallel); other kinds ignore <paramref name="clientId"/>.
    /// </summary>
    /// <param name="progress">Hears each report as it is written (from the rendering threads, one at a time).</param>
    /// <returns>The reports written, in a stable order (client-health by client id).</returns>
    /// <exception cref="FormatException">The month is not YYYY-MM.</exception>
    /// <exception cref="ArgumentException">The client is unknown.</exception>
    /// <exception cref="ReportRenderException">A report failed (recorded as failed in report_runs).</exception>
    public IReadOnlyList<RenderedReport> Render(ReportKind kind, string month, string? clientId = null, string? outDirectory = null, Action<RenderedReport>? progress = null)
    {
        var figures = new MonthFigures(sources, month);
        if (kind != ReportKind.ClientHealth || clientId is null)
        {
            return RenderBatch(figures, Jobs(figures, [kind]), outDirectory, progress);
        }

        if (!figures.Clients.Any(c => c.ClientId == clientId))
        {
            throw new ArgumentException($"no client '{clientId}' in the clients table", nameof(clientId));
        }
        return RenderBatch(figures, [new Job(kind, clientId)], outDirectory, progress);
    }

    /// <summary>
    /// Renders several kinds of one month from one read of its figures. client-health is written for
    /// <paramref name="clients"/> (e.g. a success manager's book), else for every client active in the month.
    /// </summary>
    /// <exception cref="ArgumentException">One of <paramref name="clients"/> is unknown.</exception>
    public IReadOnlyList<RenderedReport> Render(
        IEnumerable<ReportKind> kinds, string month, IReadOnlyCollection<string>? clients = null, string? outDirectory = null, Action<RenderedReport>? progress = null)
    {
        var figures = new MonthFigures(sources, month);
        if (clients?.FirstOrDefault(c => !figures.Clients.Any(known => known.ClientId == c)) is { } unknown)
        {
            throw new ArgumentException($"no client '{unknown}' in the clients table", nameof(clients));
        }

        return RenderBatch(figures, Jobs(figures, kinds.Distinct().ToList(), clients), outDirectory, progress);
    }

    /// <summary>The clients a client-health batch writes for: those under contract on some day of the month.</summary>
    public IReadOnlyList<string> ActiveClients(string month) => ActiveClients(new MonthFigures(sources, month));

    /// <summary>Where a month's reports go when no other directory is given.</summary>
    public string DirectoryOf(string month) => Path.Combine(reportsDirectory, month);

    /// <summary>The file name of a report: "sla.pdf", "client-health-C-001.pdf".</summary>
    public static string FileName(ReportKind kind, string? clientId) =>
        clientId is null ? kind.Name() + ".pdf" : $"{kind.Name()}-{SafeName(clientId)}.pdf";

    private static IReadOnlyList<string> ActiveClients(MonthFigures figures) =>
        [.. figures.Clients
            .Where(c => (c.ContractStart is not { } start || start <= figures.Period.To.ToDateOnly())
                        && (c.ChurnedOn is not { } churned || churned > figures.Period.From.ToDateOnly()))
            .Select(c => c.ClientId)
            .Order(StringComparer.Ordinal)];

    private static List<Job> Jobs(MonthFigures figures, IReadOnlyList<ReportKind> kinds, IReadOnlyCollection<string>? clients = null)
    {
        var jobs = new List<Job>();
        foreach (var kind in kinds)
        {
            if (kind == ReportKind.ClientHealth)
            {
                jobs.AddRange((clients ?? ActiveClients(figures)).Order(StringComparer.Ordinal).Select(c => new Job(kind, c)));
            }
            else
            {
                jobs.Add(new Job(kind, null));
            }
        }

        return jobs;
    }

    private IReadOnlyList<RenderedReport> RenderBatch(MonthFigures figures, IReadOnlyList<Job> jobs, string? outDirectory, Action<RenderedReport>? progress)
    {
        var directory = Path.GetFullPath(outDirectory ?? DirectoryOf(figures.Key));
        Directory.CreateDirectory(directory);
        var written = new RenderedReport?[jobs.Count];
        var failures = new List<(Job Job, Exception Error)>();
        var gate = new Lock();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var job = jobs[i];
            var run = archive.Started(job.Kind.Name(), figures.Key, job.ClientId);
            try
            {
                var report = Write(figures, job, directory);
                archive.Succeeded(run, report.Path, report.Pages, report.Bytes);
                written[i] = report;
                lock (gate)
                {
                    progress?.Invoke(report);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                archive.Failed(run, e.Message);
                lock (gate)
                {
                    failures.Add((job, e));
                }
            }
        });

        var done = written.OfType<RenderedReport>().ToList();
        if (failures.Count > 0)
        {
            var message = new StringBuilder($"{failures.Count} of {jobs.Count} report(s) for {figures.Key} failed: ");
            message.AppendJoin("; ", failures.Select(f => $"{f.Job.Kind.Name()}{(f.Job.ClientId is null ? "" : " " + f.Job.ClientId)}: {f.Error.Message}"));
            throw new ReportRenderException(message.ToString(), done, failures[0].Error);
        }

        return done;
    }

    private RenderedReport Write(MonthFigures figures, Job job, string directory)
    {
        var pdf = ReportDocument.Render(ReportDocuments.Create(job.Kind, figures, job.ClientId), time);
        var path = Path.Combine(directory, FileName(job.Kind, job.ClientId));
        // Written aside and moved into place, so a reader (the archive, a mail job) never sees half a PDF.
        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, pdf.Bytes);
        File.Move(temporary, path, overwrite: true);
        return new RenderedReport(job.Kind, figures.Key, job.ClientId, path, pdf.PageCount, pdf.Bytes.Length);
    }

    private static string SafeName(string clientId) =>
        new([.. clientId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    private sealed record Job(ReportKind Kind, string? ClientId);
}
