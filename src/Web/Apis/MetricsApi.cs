using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Apis;

/// <summary><c>GET /api/metrics</c>: what `supportlens metrics --json` prints, for the same period, split and filters.</summary>
internal static class MetricsApi
{
    internal static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/metrics").WithTags("Metrics")
            .MapGet("", Get).WithName("GetMetrics")
            .WithSummary("CSAT, NPS, FCR, SLA, escalations, reopens, backlog, incidents and availability of a period (as `metrics --json`).");
        return routes;
    }

    internal static Results<Ok<MetricsDocument>, ValidationProblem, ForbidHttpResult> Get(
        [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, TimeProvider time)
    {
        if (!ViewResults.TryResolve(query, viewer, data, time, out var view, out var problem))
        {
            return ViewResults.As<Ok<MetricsDocument>>(problem);
        }
        return TypedResults.Ok(Build(view, data));
    }

    internal static MetricsDocument Build(DashboardView view, DashboardData data)
    {
        var report = data.Metrics(view.Period, view.Grouping, view.Filter, view.AsOf);
        var incidents = data.Incidents(view.Period, view.AsOf);
        var hits = view.Grouping == MetricsGrouping.Client ? data.IncidentsHit(report.Groups.Select(g => g.Key), view.Period, view.AsOf) : null;
        return MetricsDocument.Build(report, incidents, hits);
    }
}
