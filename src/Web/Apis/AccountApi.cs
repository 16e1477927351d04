using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Apis;

/// <summary>Who the caller is, and how far the data reaches.</summary>
internal sealed record MeDocument(string Name, string Role, bool AllClients, IReadOnlyList<string>? Clients, string Authentication);

/// <summary>The data behind every answer: its version, horizons (open items are judged there) and derived tables lagging it.</summary>
internal sealed record StatusDocument(
    string? Database, int SchemaVersion, string DataVersion, string TimeZone, DateTimeOffset? TicketsHorizon, DateTimeOffset? IncidentsHorizon,
    DateTimeOffset? ChecksHorizon, DateTimeOffset? SurveysHorizon, IReadOnlyList<string> StaleTables);

internal static class AccountApi
{
    internal static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Account");
        api.MapGet("/me", Me).WithName("GetMe").WithSummary("The caller: name, role and the clients they may see.");
        api.MapGet("/status", Status).WithName("GetStatus")
            .WithSummary("The data version, the data horizons open items are judged at, and derived tables that lag the data.");
        return routes;
    }

    internal static Ok<MeDocument> Me(HttpContext context, ViewerAccessor viewer)
    {
        var v = viewer.Current;
        var how = context.User.FindFirst(SupportLensClaims.TokenId) is null ? "cookie" : "token";
        return TypedResults.Ok(new MeDocument(v.Name, v.Role, v.SeesAllClients, v.Book?.Order(StringComparer.Ordinal).ToList(), how));
    }

    internal static Ok<StatusDocument> Status(DashboardData data, Warehouse warehouse)
    {
        var horizon = data.Horizon();
        return TypedResults.Ok(new StatusDocument(
            warehouse.DatabasePath, warehouse.SchemaVersion, data.Version, data.Zone.Id, horizon.Tickets?.ToDateTimeOffset(),
            horizon.Incidents?.ToDateTimeOffset(), horizon.Checks?.ToDateTimeOffset(), horizon.Surveys?.ToDateTimeOffset(), data.StaleTables()));
    }
}
