using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;

namespace SupportLens.Reports;

/// <summary>
/// The Analytics services every report reads from (reports print their records and compute nothing of their own); the
/// composition root builds it once.
/// </summary>
public sealed record ReportSources(
    SupportLensSettings Settings,
    MetricsService Metrics,
    IncidentMetricsService Incidents,
    SlaBreakdown Sla,
    ArrivalPatterns Arrivals,
    OpenEscalations Escalations,
    ClientDirectory Clients,
    ForecastReader Forecasts,
    VolumeHistoryReader Volumes,
    SpikeReader Spikes,
    CapacityService Capacity,
    ClientHealthService Health,
    DataVersionReader Versions);
