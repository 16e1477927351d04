using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Apis;

/// <summary>An open ticket with an SLA target still ahead of it.</summary>
internal sealed record DueSoonTicketDocument(
    string Source, string TicketId, string ClientId, string? ClientName, string? Tier, string Channel, string? Priority, string? Status,
    DateTimeOffset CreatedAt, string Target, DateTimeOffset DueAt, DateTimeOffset AsOf, double MinutesLeft)
{
    internal static DueSoonTicketDocument Build(DueSoonTicket t) => new(
        t.Source, t.TicketId, t.ClientId, t.ClientName, t.Tier, t.Channel, t.Priority, t.Status, t.CreatedAt.ToDateTimeOffset(), t.Target,
        t.DueAt.ToDateTimeOffset(), t.AsOf.ToDateTimeOffset(), Math.Round(t.Left.TotalMinutes, 1));
}

/// <summary>Active SLA targets due within the window, soonest first; counts over all active targets.</summary>
internal sealed record DueSoonDocument(double WithinHours, long ActiveTargets, long DueWithin, IReadOnlyList<DueSoonTicketDocument> Tickets)
{
    internal static DueSoonDocument Build(DueSoonList list) =>
        new(list.Within.TotalHours, list.ActiveTargets, list.DueWithin, [.. list.Tickets.Select(DueSoonTicketDocument.Build)]);
}

/// <summary><c>GET /api/sla/due-soon</c> (the SLA figures themselves are in <c>/api/metrics</c>).</summary>
internal static class SlaApi
{
    /// <summary>The widest window a caller may ask for (a week).</summary>
    internal const double MaxWithinHours = 168;

    internal static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/sla").WithTags("SLA")
            .MapGet("/due-soon", DueSoon).WithName("GetSlaDueSoon")
            .WithSummary("Open tickets whose first-response or resolution target falls due within the window, as of the data horizon (or as_of).");
        return routes;
    }

    internal static Results<Ok<DueSoonDocument>, ValidationProblem, ForbidHttpResult> DueSoon(
        [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, TimeProvider time,
        [FromQuery(Name = "within_hours")] double? withinHours, [FromQuery(Name = "limit")] int? limit)
    {
        if (withinHours is <= 0 or > MaxWithinHours || limit is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [withinHours is <= 0 or > MaxWithinHours ? "within_hours" : "limit"] =
                    [$"within_hours must be above 0 and at most {MaxWithinHours}; limit from 1 to 1000"],
            });
        }
        if (!ViewResults.TryResolve(query, viewer, data, time, out var view, out var problem))
        {
            return ViewResults.As<Ok<DueSoonDocument>>(problem);
        }
        var within = withinHours is { } hours ? Duration.FromMinutes(Math.Round(hours * 60)) : DashboardView.DueSoonWindow;
        return TypedResults.Ok(DueSoonDocument.Build(data.DueSoon(within, view.Filter, view.AsOf, limit ?? SlaDueSoon.DefaultLimit)));
    }
}
