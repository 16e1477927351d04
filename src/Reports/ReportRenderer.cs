using System.Text;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Refresh;
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
/// Writes report PDFs: what `supportlens report` and the jobs call. A period is a month ("2026-10") or an ISO week
/// ("2026-W47", for the weekly quality reports), cut in the reporting time zone. Each PDF goes to
/// <c>DATA/reports/&lt;period&gt;/&lt;report&gt;.pdf</c> (client-health: <c>client-health-&lt;client&gt;.pdf</c>), or to
/// <c>outDirectory</c>, written whole or not at all, and is recorded in <c>report_runs</c> (running, then succeeded
/// with its path, pages and size, or failed with the error) so the dashboards' archive lists it. Reports read
/// Analytics records only and never refresh derived tables. The same data and clock give the same bytes.
/// </summary>
/// <remarks>
/// A period's figures are read once and kept while the data version stands (<see cref="DataVersion"/>: no load and no
/// refresh since), so the monthly job's forty client-health calls, one at a time, read the month's metrics once; a
/// batch renders its PDFs in parallel.
/// </remarks>
public sealed class ReportRenderer(ReportSources sources, ReportArchive archive, string reportsDirectory, TimeProvider time)
{
    /// <summary>Periods whose figures are kept at once (a month and its weeks, say).</summary>
    private const int KeptPeriods = 4;

    private readonly Lock gate = new();
    private string? cachedVersion;
    private readonly List<PeriodFigures> cached = [];

    /// <summary>
    /// Renders one kind for a period: "YYYY-MM" or an ISO week "YYYY-Www". client-health renders the one client given,
    /// else one PDF per client active in the period (in parallel); other kinds ignore <paramref name="clientId"/>.
    /// </summary>
    /// <param name="progress">Hears each report as it is written (from the rendering threads, one at a time).</param>
    /// <returns>The reports written, in a stable order (client-health by client id).</returns>
    /// <exception cref="FormatException">The period is neither a month nor an ISO week.</exception>
    /// <exception cref="ArgumentException">The client is unknown, or a week was given for a monthly kind (only CSAT, NPS, FCR and SLA come weekly).</exception>
    /// <exception cref="ReportRenderException">A report failed (recorded as failed in report_runs).</exception>
    public IReadOnlyList<RenderedReport> Render(ReportKind kind, string period, string? clientId = null, string? outDirectory = null, Action<RenderedReport>? progress = null)
    {
        var figures = FiguresOf(period);
        if (kind != ReportKind.ClientHealth || clientId is null)
        {
            return RenderBatch(figures, Jobs(figures, [kind]), outDirectory, progress);
        }

        if (!figures.Clients.Any(c => c.ClientId == clientId))
        {
            throw new ArgumentException($"no client '{clientId}' in the clients table", nameof(clientId));
        }
        return RenderBatch(figures, Jobs(figures, [kind], [clientId]), outDirectory, progress);
    }

    /// <summary>
    /// Renders several kinds of one period from one read of its figures. client-health is written for
    /// <paramref name="clients"/> (e.g. a success manager's book), else for every client active in the period.
    /// </summary>
    /// <exception cref="ArgumentException">One of <paramref name="clients"/> is unknown.</exception>
    public IReadOnlyList<RenderedReport> Render(
        IEnumerable<ReportKind> kinds, string period, IReadOnlyCollection<string>? clients = null, string? outDirectory = null, Action<RenderedReport>? progress = null)
    {
        var figures = FiguresOf(period);
        if (clients?.FirstOrDefault(c => !figures.Clients.Any(known => known.ClientId == c)) is { } unknown)
        {
            throw new ArgumentException($"no client '{unknown}' in the clients table", nameof(clients));
        }

        return RenderBatch(figures, Jobs(figures, kinds.Distinct().ToList(), clients), outDirectory, progress);
    }

    /// <summary>The clients a client-health batch writes for: those under contract on some day of the period.</summary>
    public IReadOnlyList<string> ActiveClients(string period) => ActiveClients(FiguresOf(period));

    /// <summary>Where a period's reports go when no other directory is given.</summary>
    public string DirectoryOf(string period) => Path.Combine(reportsDirectory, ReportSpan.Parse(period, sources.Settings.ReportingTimeZone).Key);

    /// <summary>"2026-10" or "2026-W47" as a span of the reporting time zone.</summary>
    /// <exception cref="FormatException">Neither a month nor an ISO week.</exception>
    public ReportSpan Span(string period) => ReportSpan.Parse(period, sources.Settings.ReportingTimeZone);

    /// <summary>The file name of a report: "sla.pdf", "client-health-C-001.pdf".</summary>
    public static string FileName(ReportKind kind, string? clientId) =>
        clientId is null ? kind.Name() + ".pdf" : $"{kind.Name()}-{SafeName(clientId)}.pdf";

    /// <summary>The period's figures: those kept for it while the data version stands, else a fresh read.</summary>
    private PeriodFigures FiguresOf(string period)
    {
        var span = Span(period);
        var version = sources.Versions.Read();
        lock (gate)
        {
            if (version != cachedVersion)
            {
                cached.Clear();
                cachedVersion = version;
            }

            if (cached.FirstOrDefault(f => f.Key == span.Key) is not { } figures)
            {
                figures = new PeriodFigures(sources, span);
                cached.Add(figures);
                if (cached.Count > KeptPeriods)
                {
                    cached.RemoveAt(0);
                }
            }

            return figures;
        }
    }

    private static IReadOnlyList<string> ActiveClients(PeriodFigures figures) =>
        [.. figures.Clients
            .Where(c => (c.ContractStart is not { } start || start <= figures.Period.To.ToDateOnly())
                        && (c.ChurnedOn is not { } churned || churned > figures.Period.From.ToDateOnly()))
            .Select(c => c.ClientId)
            .Order(StringComparer.Ordinal)];

    private static List<Job> Jobs(PeriodFigures figures, IReadOnlyList<ReportKind> kinds, IReadOnlyCollection<string>? clients = null)
    {
        var jobs = new List<Job>();
        foreach (var kind in kinds)
        {
            if (figures.Span.Kind != SpanKind.Month && !ReportKinds.Quality.Contains(kind))
            {
                throw new ArgumentException($"{kind.Name()} covers a month: give one like 2026-10, not the week {figures.Key}", "period");
            }

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

    private IReadOnlyList<RenderedReport> RenderBatch(PeriodFigures figures, IReadOnlyList<Job> jobs, string? outDirectory, Action<RenderedReport>? progress)
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
            // A failed read is not kept: the next call reads the period afresh.
            lock (gate)
            {
                cached.Remove(figures);
            }

            var message = new StringBuilder($"{failures.Count} of {jobs.Count} report(s) for {figures.Key} failed: ");
            message.AppendJoin("; ", failures.Select(f => $"{f.Job.Kind.Name()}{(f.Job.ClientId is null ? "" : " " + f.Job.ClientId)}: {f.Error.Message}"));
            throw new ReportRenderException(message.ToString(), done, failures[0].Error);
        }

        return done;
    }

    private RenderedReport Write(PeriodFigures figures, Job job, string directory)
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
