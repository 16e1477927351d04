using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Apis;

/// <summary>
/// <c>GET /api/reports</c> (the archive: every report in report_runs and every PDF under DATA/reports the caller may see)
/// and <c>GET /api/reports/{period}/{file}</c> (the PDF). A success manager sees the client-health reports of their
/// clients only: another client's, or an org-wide report, is 403.
/// </summary>
internal static class ReportsApi
{
    internal static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/reports").WithTags("Reports");
        api.MapGet("", List).WithName("GetReports")
            .WithSummary("The reports archive, newest period first (month=YYYY-MM or period=YYYY-Www, report=KIND, client=ID narrow it).");
        api.MapGet("/{period}/{file}", Download).WithName("GetReportPdf")
            .WithSummary("One report's PDF, as listed in the archive.");
        return routes;
    }

    internal static Results<Ok<ReportsDocument>, ForbidHttpResult> List(
        ViewerAccessor viewer, ReportLibrary library,
        [FromQuery(Name = "month")] string? month, [FromQuery(Name = "period")] string? period,
        [FromQuery(Name = "report")] string? report, [FromQuery(Name = "client")] string? client)
    {
        if (client is not null && !viewer.Current.MaySee(client))
        {
            return TypedResults.Forbid();
        }
        return TypedResults.Ok(new ReportsDocument([.. Filter(library.List(viewer.Current), period ?? month, report, client).Select(ReportDocument.Build)]));
    }

    internal static IEnumerable<ArchivedReport> Filter(IEnumerable<ArchivedReport> reports, string? period, string? report, string? client) => reports
        .Where(r => period is null || r.Period == period)
        .Where(r => report is null || r.Report == report)
        .Where(r => client is null || r.ClientId == client);

    internal static Results<PhysicalFileHttpResult, NotFound, ForbidHttpResult> Download(
        string period, string file, ViewerAccessor viewer, ReportLibrary library)
    {
        if (library.Find(viewer.Current, period, file) is { Path: { } path })
        {
            return TypedResults.PhysicalFile(path, "application/pdf", file);
        }
        return library.Exists(period, file) ? TypedResults.Forbid() : TypedResults.NotFound();
    }
}
