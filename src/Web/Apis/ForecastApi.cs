using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Apis;

/// <summary>
/// <c>GET /api/forecast</c> (the latest stored run, as `forecast --json`), <c>GET /api/forecast/spikes</c> (the unusual
/// days of a period) and <c>GET /api/capacity</c> (as `capacity --json`). A success manager gets the client series and
/// spikes of their book only; forecasts above client level and the capacity plan are the organisation's, not theirs.
/// </summary>
internal static class ForecastApi
{
    internal static readonly IReadOnlyList<string> Levels = ["total", "channel", "tier", "client"];

    internal static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder routes)
    {
        var forecast = routes.MapGroup("/api/forecast").WithTags("Forecast");
        forecast.MapGet("", Latest).WithName("GetForecast")
            .WithSummary("The latest stored volume forecast per series (series=total|channel|tier|client), 80 % and 95 % intervals, model and backtest MASE (as `forecast --json`).");
        forecast.MapGet("/spikes", Spikes).WithName("GetSpikes")
            .WithSummary("Days of the period on which a client's volume (all channels, or one) was flagged as unusual, with the expected range.");
        routes.MapGroup("/api/capacity").WithTags("Capacity")
            .MapGet("", Capacity).WithName("GetCapacity").RequireAuthorization(Policies.OrgWide)
            .WithSummary("Agents per shift week by week (required, scheduled, rostered, gap), channel workload and productivity (as `capacity --json`).");
        return routes;
    }

    internal static Results<Ok<ForecastDocument>, ValidationProblem, ForbidHttpResult, ProblemHttpResult> Latest(
        ViewerAccessor viewer, PlanningData planning,
        [FromQuery(Name = "series")] string? series, [FromQuery(Name = "horizon")] int? horizon, [FromQuery(Name = "weekly")] bool? weekly)
    {
        if (series is not null && !Levels.Contains(series) || horizon is < 1 or > 90)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [horizon is < 1 or > 90 ? "horizon" : "series"] = ["series is one of total, channel, tier, client; horizon 1 to 90 days"],
            });
        }
        var book = viewer.Current.Book;
        if (book is not null && series is not null && series != "client")
        {
            return TypedResults.Forbid();
        }
        var frequency = weekly == true ? SeriesFrequency.Weekly : SeriesFrequency.Daily;
        var document = planning.ForecastDocument(frequency, book is null ? series : "client", horizon, book);
        return document is null
            ? TypedResults.Problem($"No {(weekly == true ? "weekly" : "daily")} forecast is stored yet: run `supportlens refresh` after loading tickets.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(document);
    }

    internal static Results<Ok<SpikesDocument>, ValidationProblem, ForbidHttpResult> Spikes(
        [AsParameters] DashboardQuery query, ViewerAccessor viewer, DashboardData data, PlanningData planning, TimeProvider time)
    {
        if (!ViewResults.TryResolve(query, viewer, data, time, out var view, out var problem))
        {
            return ViewResults.As<Ok<SpikesDocument>>(problem);
        }
        return TypedResults.Ok(SpikesOf(view, data, planning));
    }

    /// <summary>The view's spikes: its period, cut by tier, client, success manager (and the viewer's book) and channel.</summary>
    internal static SpikesDocument SpikesOf(DashboardView view, DashboardData data, PlanningData planning) =>
        data.Cached($"spikes-doc|{view.Period.FromText}|{view.Period.ToText}|{view.Filter.Key}", () =>
        {
            var clients = data.Clients().ToDictionary(c => c.ClientId, StringComparer.Ordinal);
            var filter = view.Filter;
            var spikes = planning.Spikes(view.Period.From, view.Period.To)
                .Where(s => filter.Channel is null || s.Channel == filter.Channel)
                .Where(s => filter.Clients is null || filter.Clients.Contains(s.ClientId))
                .Select(s => (Spike: s, Client: clients.GetValueOrDefault(s.ClientId)))
                .Where(s => filter.Tier is null || s.Client?.Tier == filter.Tier)
                .Where(s => filter.SuccessManager is null || s.Client?.SuccessManager == filter.SuccessManager)
                .Select(s => SpikeDocument.Build(s.Spike, s.Client));
            return new SpikesDocument(view.Period.FromText, view.Period.ToText, view.Period.Zone.Id, [.. spikes]);
        });

    internal static Results<Ok<CapacityDocument>, ValidationProblem, ProblemHttpResult> Capacity(
        PlanningData planning, [FromQuery(Name = "weeks")] int? weeks)
    {
        if (weeks is < 1 or > 13)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["weeks"] = ["weeks must be 1 to 13 (the forecast reaches at most 90 days)"] });
        }
        return planning.CapacityDocument(weeks ?? Cli.CapacityCommand.DefaultWeeks) is { } document
            ? TypedResults.Ok(document)
            : TypedResults.Problem("No daily forecast is stored yet: run `supportlens refresh` after loading tickets.", statusCode: StatusCodes.Status404NotFound);
    }
}
