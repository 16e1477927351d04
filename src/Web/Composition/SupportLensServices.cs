using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;
using SupportLens.Ingest;
using SupportLens.Reports;
using SupportLens.Storage;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Composition;

/// <summary>
/// The composition root: every service SupportLens has, built once and handed to the CLI verbs, the web host and the
/// jobs alike. The warehouse opens on first use, so a verb that needs no database never takes DuckDB's file lock.
/// </summary>
public static class SupportLensServices
{
    public static IServiceCollection AddSupportLens(this IServiceCollection services, SupportLensOptions options, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(_ => SettingsFile.Load(options.ConfigPath));
        services.AddSingleton(_ => Warehouse.Open(options.DataDirectory, time));

        services.AddSingleton(provider => new MetricsService(provider.GetRequiredService<Warehouse>(), provider.GetRequiredService<SupportLensSettings>()));
        services.AddSingleton(provider => new IncidentMetricsService(
            provider.GetRequiredService<Warehouse>(), provider.GetRequiredService<SupportLensSettings>(), time));
        services.AddSingleton(provider => new DataHorizons(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new ForecastReader(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new CapacityService(provider.GetRequiredService<Warehouse>(), provider.GetRequiredService<SupportLensSettings>()));
        services.AddSingleton(provider => new ClientHealthService(
            provider.GetRequiredService<Warehouse>(), provider.GetRequiredService<SupportLensSettings>()));
        services.AddSingleton(provider => new RefreshService(
            provider.GetRequiredService<Warehouse>(), DerivedTables.All(provider.GetRequiredService<SupportLensSettings>(), time), time));
        services.AddSingleton(provider => new Ingestor(provider.GetRequiredService<Warehouse>(), time));

        // Reports: the queries they need beyond the metrics, the report_runs archive, and the renderer the CLI and jobs call.
        services.AddSingleton(provider => new SlaBreakdown(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new ArrivalPatterns(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new OpenEscalations(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new ReportArchive(provider.GetRequiredService<Warehouse>(), time));
        services.AddSingleton(provider => new ReportSources(
            provider.GetRequiredService<SupportLensSettings>(),
            provider.GetRequiredService<MetricsService>(),
            provider.GetRequiredService<IncidentMetricsService>(),
            provider.GetRequiredService<SlaBreakdown>(),
            provider.GetRequiredService<ArrivalPatterns>(),
            provider.GetRequiredService<OpenEscalations>(),
            provider.GetRequiredService<ClientDirectory>(),
            provider.GetRequiredService<ForecastReader>(),
            new VolumeHistoryReader(provider.GetRequiredService<Warehouse>(), provider.GetRequiredService<SupportLensSettings>().ReportingTimeZone, time),
            new SpikeReader(provider.GetRequiredService<Warehouse>()),
            provider.GetRequiredService<CapacityService>(),
            provider.GetRequiredService<ClientHealthService>(),
            new DataVersionReader(provider.GetRequiredService<Warehouse>())));
        services.AddSingleton(provider => new ReportRenderer(
            provider.GetRequiredService<ReportSources>(),
            provider.GetRequiredService<ReportArchive>(),
            Path.Combine(options.DataDirectory, "reports"),
            time));
        services.AddSingleton(provider => new ClientDirectory(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new SlaDueSoon(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new AccountStore(provider.GetRequiredService<Warehouse>()));
        services.AddSingleton(provider => new UserDirectory(provider.GetRequiredService<AccountStore>(), time));
        return services;
    }
}
