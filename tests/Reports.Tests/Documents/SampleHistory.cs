using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;
using SupportLens.Ingest;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Tests.Samples;
using SupportLens.Storage;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>
/// The committed sample history (sample-data/, 40 clients, May 2025 to October 2026), loaded once for every report
/// test the way `supportlens demo` loads it: each file ingested, then the derived tables refreshed. Reports are written
/// with the report clock <see cref="Clock"/> into a private directory.
/// </summary>
public sealed class SampleHistory : IDisposable
{
    /// <summary>The sample's last complete month.</summary>
    public const string LastMonth = "2026-10";

    private static readonly (IngestKind Kind, string File)[] Files =
    [
        (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.TicketEvents, "ticket-events.csv.gz"),
        (IngestKind.Csat, "csat.csv"), (IngestKind.Nps, "nps.csv"), (IngestKind.Incidents, "incidents.csv"), (IngestKind.Checks, "checks.csv.gz"),
        (IngestKind.Volume, "volume.csv.gz"),
    ];

    private readonly TempDirectory _dir = new();

    public SampleHistory()
    {
        Warehouse = Warehouse.Open(_dir.File("data"), Clock);
        var ingestor = new Ingestor(Warehouse, Clock);
        foreach (var (kind, file) in Files)
        {
            var report = ingestor.Ingest(Path.Combine(SampleDocumentTests.RepositoryRoot(), "sample-data", file), new IngestRequest(kind));
            Assert.Equal("loaded", report.Status);
        }

        var settings = SupportLensSettings.Default;
        new RefreshService(Warehouse, DerivedTables.All(settings, Clock), Clock).Run();
        Metrics = new MetricsService(Warehouse, settings);
        Incidents = new IncidentMetricsService(Warehouse, settings, Clock);
        Archive = new ReportArchive(Warehouse, Clock);
        Forecasts = new ForecastReader(Warehouse);
        Health = new ClientHealthService(Warehouse, settings);
        Capacity = new CapacityService(Warehouse, settings);
        Sources = new ReportSources(settings, Metrics, Incidents, new SlaBreakdown(Warehouse), new ArrivalPatterns(Warehouse),
            new OpenEscalations(Warehouse), new ClientDirectory(Warehouse), Forecasts,
            new VolumeHistoryReader(Warehouse, settings.ReportingTimeZone, Clock), new SpikeReader(Warehouse), Capacity, Health, new DataVersionReader(Warehouse));
        Renderer = new ReportRenderer(Sources, Archive, _dir.File("reports"), Clock);
    }

    /// <summary>2026-11-01 11:00 UTC (06:00 EST): the morning October's reports go out.</summary>
    public static TimeProvider Clock { get; } = new FixedTime(new DateTimeOffset(2026, 11, 1, 11, 0, 0, TimeSpan.Zero));

    public Warehouse Warehouse { get; }

    public MetricsService Metrics { get; }

    public IncidentMetricsService Incidents { get; }

    public ReportArchive Archive { get; }

    public ForecastReader Forecasts { get; }

    public ClientHealthService Health { get; }

    public CapacityService Capacity { get; }

    internal ReportSources Sources { get; }

    public ReportRenderer Renderer { get; }

    public string ReportsDirectory => _dir.File("reports");

    internal PeriodFigures Figures(string period) => new(Sources, ReportSpan.Parse(period, Sources.Settings.ReportingTimeZone));

    public ReportingPeriod Period(string month) => Metrics.Month(month);

    private readonly Dictionary<(ReportKind, string, string?), RenderedReport> _rendered = [];

    /// <summary>One report of the sample, rendered once for every test that reads it.</summary>
    public RenderedReport Rendered(ReportKind kind, string month = LastMonth, string? clientId = null)
    {
        lock (_rendered)
        {
            if (!_rendered.TryGetValue((kind, month, clientId), out var report))
            {
                report = Assert.Single(Renderer.Render(kind, month, clientId));
                _rendered[(kind, month, clientId)] = report;
            }

            return report;
        }
    }

    public void Dispose()
    {
        Warehouse.Dispose();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SampleHistoryCollection : ICollectionFixture<SampleHistory>
{
    public const string Name = "sample history";
}
