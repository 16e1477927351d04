using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Apis;

/// <summary>
/// <c>GET /api/health</c> (the book on a day, most at risk first), <c>GET /api/health/clients/{id}</c> (one client's
/// detail) and <c>GET /api/health/retention</c>: what `health --json` and `health --client ID --json` print. A success
/// manager gets their book (counts, average and retention over it) and is refused another client.
/// </summary>
internal static class HealthApi
{
    internal static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/health").WithTags("Health");
        api.MapGet("", Book).WithName("GetHealth")
            .WithSummary("Client health and churn risk of the active clients on a day (as_of, default the last stored day), most at risk first, with retention (as `health --json`).");
        api.MapGet("/clients/{clientId}", Client).WithName("GetClientHealth")
            .WithSummary("One client's health: components with their meaning and coverage, drivers, risk drivers, daily history (as `health --client ID --json`).");
        api.MapGet("/retention", Retention).WithName("GetRetention")
            .WithSummary("Client and MRR retention over the trailing year and quarter to the day, all, by tier and by success manager.");
        return routes;
    }

    internal static Results<Ok<HealthDocument>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Book(
        [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, HealthData health, TimeProvider time)
    {
        if (!TryResolve(query, viewer, data, health, time, out var view, out var day, out var problem))
        {
            return Fail<Ok<HealthDocument>>(problem);
        }
        return TypedResults.Ok(health.BookDocument(day, Scope(view)));
    }

    internal static Results<Ok<HealthDocument>, ValidationProblem, ForbidHttpResult, ProblemHttpResult, NotFound> Client(
        string clientId, [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, HealthData health, TimeProvider time)
    {
        if (!viewer.Current.MaySee(clientId))
        {
            return TypedResults.Forbid();
        }
        if (!TryResolve(query with { Client = null }, viewer, data, health, time, out var view, out var day, out var problem))
        {
            return problem switch
            {
                ValidationProblem invalid => invalid,
                ForbidHttpResult forbid => forbid,
                _ => (ProblemHttpResult)problem,
            };
        }
        return health.ClientDocument(clientId, day, Scope(view)) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound();
    }

    internal static Results<Ok<HealthRetentionDocument>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Retention(
        [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, HealthData health, TimeProvider time)
    {
        if (!TryResolve(query, viewer, data, health, time, out var view, out var day, out var problem))
        {
            return Fail<Ok<HealthRetentionDocument>>(problem);
        }
        return TypedResults.Ok(health.BookDocument(day, Scope(view)).Retention);
    }

    /// <summary>The filter a health answer is cut by: the view's, without the channel (health is per client).</summary>
    internal static Analytics.Metrics.MetricsFilter Scope(DashboardView view) => view.Filter with { Channel = null };

    /// <summary>The view and the stored day a query asks for, or the answer to give instead (400, 403, or 404 when nothing is stored).</summary>
    private static bool TryResolve(
        DashboardQuery query, ViewerAccessor viewer, DashboardData data, HealthData health, TimeProvider time,
        out DashboardView view, out NodaTime.LocalDate day, out IResult problem)
    {
        day = default;
        if (!ViewResults.TryResolve(query with { AsOf = null }, viewer, data, time, out view, out problem))
        {
            return false;
        }
        if (health.StoredDays() is null)
        {
            problem = TypedResults.Problem("No health scores are stored yet: load data and run `supportlens refresh` (ingest does it).",
                statusCode: StatusCodes.Status404NotFound);
            return false;
        }
        var (asked, reason) = health.Day(query.AsOf);
        if (asked is null)
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["as_of"] = [reason!] });
            return false;
        }
        day = asked.Value;
        return true;
    }

    private static Results<T, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Fail<T>(IResult problem) where T : IResult => problem switch
    {
        ValidationProblem invalid => invalid,
        ForbidHttpResult forbid => forbid,
        ProblemHttpResult other => other,
        _ => throw new InvalidOperationException($"Unexpected problem result {problem.GetType().Name}."),
    };
}
