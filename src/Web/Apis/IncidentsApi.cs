using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Apis;

/// <summary>A period's incidents: compliance per severity, availability per component, and every incident.</summary>
internal sealed record IncidentsPageDocument(
    string From, string To, string TimeZone, IncidentsDocument Incidents, IReadOnlyList<AvailabilityDocument> Availability,
    IReadOnlyList<IncidentDocument> List);

/// <summary><c>GET /api/incidents</c>.</summary>
internal static class IncidentsApi
{
    internal static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/incidents").WithTags("Incidents")
            .MapGet("", Get).WithName("GetIncidents")
            .WithSummary("Incident compliance per severity (initial response, client communication, resolution, MTTA, MTTR), availability and p95 latency per component, and the period's incidents.");
        return routes;
    }

    internal static Results<Ok<IncidentsPageDocument>, ValidationProblem, ForbidHttpResult> Get(
        [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, TimeProvider time)
    {
        if (!ViewResults.TryResolve(query, viewer, data, time, out var view, out var problem))
        {
            return ViewResults.As<Ok<IncidentsPageDocument>>(problem);
        }
        return TypedResults.Ok(Build(view, data));
    }

    internal static IncidentsPageDocument Build(DashboardView view, DashboardData data)
    {
        var report = data.Incidents(view.Period, view.AsOf);
        return new IncidentsPageDocument(
            view.Period.FromText, view.Period.ToText, view.Period.Zone.Id, IncidentsDocument.Build(report), AvailabilityDocument.Build(report),
            [.. data.IncidentList(view.Period, view.AsOf).Select(IncidentDocument.Build)]);
    }
}
