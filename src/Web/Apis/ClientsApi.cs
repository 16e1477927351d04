using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Analytics.Clients;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Apis;

internal sealed record ClientsDocument(IReadOnlyList<ClientInfo> Clients);

/// <summary>A client and its figures for the period (the health issue adds score, trend and drivers).</summary>
internal sealed record ClientDetailDocument(ClientInfo Client, MetricsDocument Metrics);

/// <summary>
/// <c>GET /api/clients</c> and <c>GET /api/clients/{id}</c>. A success manager sees only their book: the list is cut to
/// it and another client's detail is 403 (whether or not it exists, so the answer tells nothing about other books).
/// </summary>
internal static class ClientsApi
{
    internal static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/clients").WithTags("Clients");
        api.MapGet("", List).WithName("GetClients").WithSummary("The clients the caller may see.");
        api.MapGet("/{clientId}", Detail).WithName("GetClient").WithSummary("One client and its metrics for the period.");
        return routes;
    }

    internal static Ok<ClientsDocument> List(ViewerAccessor viewer, DashboardData data) =>
        TypedResults.Ok(new ClientsDocument([.. data.Clients().Where(c => viewer.Current.MaySee(c.ClientId))]));

    internal static Results<Ok<ClientDetailDocument>, NotFound, ValidationProblem, ForbidHttpResult> Detail(
        string clientId, [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, TimeProvider time)
    {
        if (!viewer.Current.MaySee(clientId))
        {
            return TypedResults.Forbid();
        }
        if (data.Client(clientId) is not { } client)
        {
            return TypedResults.NotFound();
        }
        if (!ViewResults.TryResolve(query with { Client = clientId }, viewer, data, time, out var view, out var problem))
        {
            return problem is ForbidHttpResult forbid ? forbid : (ValidationProblem)problem;
        }
        return TypedResults.Ok(new ClientDetailDocument(client, MetricsApi.Build(view, data)));
    }
}
