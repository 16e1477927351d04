using SupportLens.Analytics.Metrics;

namespace SupportLens.Web.Jobs.Reports;

/// <summary>The reports the jobs write (DESIGN.md §6).</summary>
internal enum ReportKind
{
    Executive,
    ClientHealth,
    Csat,
    Nps,
    Fcr,
    Sla,
}

internal static class ReportKinds
{
    public static string Name(this ReportKind kind) => kind switch
    {
        ReportKind.Executive => "executive",
        ReportKind.ClientHealth => "client-health",
        ReportKind.Csat => "csat",
        ReportKind.Nps => "nps",
        ReportKind.Fcr => "fcr",
        ReportKind.Sla => "sla",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>How a subject line names it.</summary>
    public static string Title(this ReportKind kind) => kind switch
    {
        ReportKind.Executive => "Executive pack",
        ReportKind.ClientHealth => "Client health",
        ReportKind.Csat => "CSAT report",
        ReportKind.Nps => "NPS report",
        ReportKind.Fcr => "FCR report",
        ReportKind.Sla => "SLA compliance report",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>One PDF to write: a kind, a period (a month, or an ISO week for the weekly quality reports) and, for client-health, the client.</summary>
/// <param name="PeriodKey">"2026-10" or "2026-W47": the folder under DATA/reports and the delivery ledger's period.</param>
internal sealed record ReportRequest(ReportKind Kind, string PeriodKey, ReportingPeriod Period, string? ClientId)
{
    /// <summary>The report's identity in the delivery ledger: "executive", "csat", "client-health/C-001".</summary>
    public string ReportId => ClientId is null ? Kind.Name() : $"{Kind.Name()}/{ClientId}";

    /// <summary>The file name under DATA/reports/&lt;period&gt;/ (DESIGN.md §2).</summary>
    public string FileName => ClientId is null ? $"{Kind.Name()}.pdf" : $"{Kind.Name()}-{ClientId}.pdf";
}

/// <summary>
/// Writes the PDF of a request and returns its path (DATA/reports/&lt;period&gt;/&lt;report&gt;.pdf). The jobs call it for
/// each report they deliver; the reports layer implements it. Rendering the same request again overwrites the file.
/// </summary>
internal interface IReportRenderer
{
    string Render(ReportRequest request);
}
