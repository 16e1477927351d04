using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;
using SupportLens.Web.Apis;
using SupportLens.Web.Auth;
using SupportLens.Web.Hosting;

namespace SupportLens.Web.Dashboard;

/// <summary>When the dashboards last had their first views ready: the data version, and how long the warm-up took.</summary>
internal sealed record WarmedVersion(string Version, TimeSpan Took);

/// <summary>
/// Computes the views everyone opens first as soon as the data version moves (an ingest, a refresh, a job), so that
/// the morning's first visitors read them from the cache instead of waiting seconds on a large warehouse: for the
/// default month and the whole organisation, the scorecard (all and by tier), its 12-month trend, incidents, the
/// tickets due soon, the health list of the last stored day, the forecast and the capacity plan. It looks at the
/// version every <see cref="WebSettings.WarmUpInterval"/> (one small query) and only reads: nothing is written, and a
/// request asking for an answer being warmed waits for that computation (<see cref="DashboardCache"/>).
/// </summary>
internal sealed class DashboardWarmUp(IServiceScopeFactory scopes, WebSettings settings, ILogger<DashboardWarmUp> log) : BackgroundService
{
    /// <summary>Whom the first views are computed for: the organisation-wide view an admin or executive opens.</summary>
    private static readonly Viewer Organisation = new("warm-up", UserRoles.Admin, null);

    private WarmedVersion? _last;

    /// <summary>The last version warmed, or null before the first warm-up finished.</summary>
    internal WarmedVersion? Last => Volatile.Read(ref _last);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host is listening before the first (possibly long) warm-up runs.
        await Task.Yield();
        using var timer = new PeriodicTimer(settings.WarmUpInterval, settings.Time);
        do
        {
            try
            {
                WarmIfMoved();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed warm-up costs only speed: the next request computes its own answer.
                log.LogWarning(e, "Warming the dashboards' first views failed; requests compute them.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Warms the first views if the data version moved since the last warm-up; returns whether it did.</summary>
    internal bool WarmIfMoved()
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var data = services.GetRequiredService<DashboardData>();
        var version = data.Version;
        if (Last?.Version == version)
        {
            return false;
        }

        var started = settings.Time.GetTimestamp();
        data.Horizon();
        data.StaleTables();
        data.Clients();
        if (new DashboardQuery().Resolve(Organisation, data, settings.Time).View is { } view)
        {
            MetricsApi.Build(view, data);
            data.Metrics(view.Period, MetricsGrouping.Tier, view.Filter, view.AsOf);
            data.Metrics(Charts.DashboardCharts.TrendPeriod(view), MetricsGrouping.Month, view.Filter, view.AsOf);
            IncidentsApi.Build(view, data);
            data.DueSoon(DashboardView.DueSoonWindow, view.Filter, view.AsOf, SlaDueSoon.DefaultLimit);

            var health = services.GetRequiredService<HealthData>();
            if (health.StoredDays() is not null && health.Day(null).Day is { } day)
            {
                health.BookDocument(day, HealthApi.Scope(view));
            }
        }

        var planning = services.GetRequiredService<PlanningData>();
        planning.ForecastDocument(SeriesFrequency.Daily, null, null, null);
        planning.ForecastDocument(SeriesFrequency.Daily, "total", null, null);
        planning.CapacityDocument(Cli.CapacityCommand.DefaultWeeks);

        Volatile.Write(ref _last, new WarmedVersion(version, settings.Time.GetElapsedTime(started)));
        return true;
    }
}
