using SupportLens.Reports;

namespace SupportLens.Web.Jobs.Reports;

/// <summary>
/// The jobs' renderer: each request becomes the report PDF of src/Reports (<see cref="ReportRenderer"/>), written to
/// DATA/reports/&lt;period&gt;/ and recorded in report_runs. A period's figures are read once while the data stands, so
/// the monthly job's one call per client reads the month's metrics once.
/// </summary>
internal sealed class PdfReportRenderer(ReportRenderer renderer) : IReportRenderer
{
    public string Render(ReportRequest request)
    {
        var kind = SupportLens.Reports.ReportKinds.Parse(request.Kind.Name())
            ?? throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "no such report");
        return renderer.Render(kind, request.PeriodKey, request.ClientId).Single().Path;
    }
}
