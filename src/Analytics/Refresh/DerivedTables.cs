using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Health.Daily;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Refresh;

/// <summary>Every derived table, in the order a refresh brings them up to date (each may read those before it).</summary>
public static class DerivedTables
{
    public static IReadOnlyList<IDerivedTable> All(SupportLensSettings settings, TimeProvider time) =>
    [
        new DataHorizonTable(time),
        new SlaLedger(new SlaClock(settings.SlaPolicies), time),
        new ForecastTable(settings.Forecast, settings.ReportingTimeZone, time),
        new SpikeTable(settings.Forecast, settings.ReportingTimeZone, time),
        new ClientHealthTable(settings, time),
    ];
}
