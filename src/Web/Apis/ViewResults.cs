using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Apis;

/// <summary>Resolving a dashboard query in an endpoint: the view, or the 400 / 403 to answer instead.</summary>
internal static class ViewResults
{
    internal static bool TryResolve(
        DashboardQuery query, ViewerAccessor viewer, DashboardData data, TimeProvider time, out DashboardView view, out IResult problem)
    {
        var resolution = query.Resolve(viewer.Current, data, time);
        view = resolution.View!;
        problem = resolution.Forbidden
            ? TypedResults.Forbid()
            : TypedResults.ValidationProblem(resolution.Errors.ToDictionary(e => e.Key, e => e.Value));
        return resolution.View is not null;
    }

    /// <summary>The problem as one of the typed results an endpoint declares.</summary>
    internal static Results<T, ValidationProblem, ForbidHttpResult> As<T>(IResult problem) where T : IResult => problem switch
    {
        ValidationProblem invalid => invalid,
        ForbidHttpResult forbid => forbid,
        _ => throw new InvalidOperationException($"Unexpected problem result {problem.GetType().Name}."),
    };
}
