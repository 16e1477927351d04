using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Presentation;

/// <summary><c>GET /api/reports</c>: the archive the caller may see, newest period first.</summary>
internal sealed record ReportsDocument(IReadOnlyList<ReportDocument> Reports);

/// <summary>
/// One PDF of the archive: its kind, period (YYYY-MM, or YYYY-Www for the weekly quality reports), client, file, the
/// latest run that wrote it (status, pages, bytes, times), whether the file is on disk, and where to download it.
/// </summary>
internal sealed record ReportDocument(
    string Report, string Period, string? ClientId, string File, long? RunId, string Status, string? Message, int? Pages, long? Bytes,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, bool OnDisk, string? Download)
{
    internal static ReportDocument Build(ArchivedReport r) => new(
        r.Report, r.Period, r.ClientId, r.File, r.RunId, r.Status, r.Message, r.Pages, r.Bytes, r.StartedAt, r.FinishedAt, r.OnDisk,
        r.OnDisk ? $"/api/reports/{Uri.EscapeDataString(r.Period)}/{Uri.EscapeDataString(r.File)}" : null);
}
