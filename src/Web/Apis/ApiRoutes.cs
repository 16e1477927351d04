namespace SupportLens.Web.Apis;

/// <summary>
/// Every API area under /api: one <c>XxxApi.cs</c> per area, each a <c>MapGroup</c> with typed results. Every endpoint
/// needs a signed-in user unless it says otherwise (the fallback policy); a new area adds one line here.
/// </summary>
internal static class ApiRoutes
{
    internal static IEndpointRouteBuilder MapSupportLensApis(this IEndpointRouteBuilder routes)
    {
        routes.MapAccountApi();
        routes.MapMetricsApi();
        routes.MapIncidentsApi();
        routes.MapSlaApi();
        routes.MapClientsApi();
        routes.MapHealthApi();
        routes.MapForecastApi();
        routes.MapReportsApi();
        routes.MapIngestApi();
        routes.MapUsersApi();
        return routes;
    }
}
