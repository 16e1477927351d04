using SupportLens.Reports.Documents.Capacity;
using SupportLens.Reports.Documents.ClientHealth;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Executive;
using SupportLens.Reports.Documents.Quality;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents;

/// <summary>The document class of each report kind.</summary>
internal static class ReportDocuments
{
    public static IReportDocument Create(ReportKind kind, PeriodFigures figures, string? clientId) => kind switch
    {
        ReportKind.Executive => new ExecutiveReport(figures),
        ReportKind.Csat => new CsatReport(figures),
        ReportKind.Nps => new NpsReport(figures),
        ReportKind.Fcr => new FcrReport(figures),
        ReportKind.Sla => new SlaReport(figures),
        ReportKind.ClientHealth => new ClientHealthReport(
            figures,
            figures.Clients.FirstOrDefault(c => c.ClientId == clientId)
                ?? throw new ArgumentException($"no client '{clientId}' in the clients table", nameof(clientId))),
        ReportKind.Capacity => new CapacityReport(figures),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no document class for this kind"),
    };
}
