using System.Globalization;
using System.Text.RegularExpressions;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Incidents;

/// <summary>The committed clients, incidents and checks, ingested once for the tests below.</summary>
public sealed class IncidentSampleFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public IncidentSampleFixture()
    {
        Warehouse = Warehouse.Open(_dir.Path, TimeProvider.System);
        var ingestor = new Ingestor(Warehouse, TimeProvider.System);
        foreach (var (kind, file) in new[] { (IngestKind.Clients, "clients.csv"), (IngestKind.Incidents, "incidents.csv"), (IngestKind.Checks, "checks.csv.gz") })
        {
            var report = ingestor.Ingest(Sample(file), new IngestRequest(kind));
            Assert.Equal("loaded", report.Status);
            Assert.True(report.RowsLoaded > 0, file);
            Assert.Equal(0, report.RowsRejected);
        }
        Service = new IncidentMetricsService(Warehouse, SupportLensSettings.Default, TimeProvider.System);
    }

    internal Warehouse Warehouse { get; }

    internal IncidentMetricsService Service { get; }

    internal static string Sample(string name) => RepositoryFiles.SampleData(name);

    public void Dispose()
    {
        Warehouse.Dispose();
        _dir.Dispose();
    }
}

public sealed partial class IncidentMetricsSampleTests(IncidentSampleFixture sample) : IClassFixture<IncidentSampleFixture>
{
    private static ReportingPeriod Month(string month) => ReportingPeriod.Month(month, SupportLensSettings.Default.ReportingTimeZone);

    [Theory]
    // The sample's severity-1 incidents: INC-023 (call-routing) and INC-025 (dashboard) in November 2025, INC-032
    // (call-routing) in February 2026. Their components fail checks while down, so the month is below 100 %.
    [InlineData("2025-11", "call-routing")]
    [InlineData("2025-11", "dashboard")]
    [InlineData("2026-02", "call-routing")]
    public void Months_with_severity_1_incidents_lose_availability_on_the_component(string month, string component)
    {
        var report = sample.Service.Compute(Month(month));
        Assert.True(report.BySeverity.Single(s => s.Severity == 1).Incidents > 0);
        var availability = report.Components.Single(c => c.Component == component);
        Assert.InRange(availability.AvailabilityPct!.Value, 99, 99.99);
        Assert.True(availability.FailedChecks > 0);
        // Every hour of the month is measured: hourly checks from the first instant on.
        var period = Month(month);
        Assert.Equal(period.EndUtc - period.StartUtc, availability.Measured);
    }

    [Fact]
    public void Whole_history_availability_agrees_with_the_generators_figures()
    {
        // sample-data/README.md is written by the generator from the same checks, weighting each by the time to the next.
        var readme = File.ReadAllText(IncidentSampleFixture.Sample("README.md"));
        var expected = AvailabilityRow().Matches(readme)
            .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(5, expected.Count);

        var whole = ReportingPeriod.Between("2025-05-01", "2026-10-31", SupportLensSettings.Default.ReportingTimeZone);
        var components = sample.Service.Compute(whole).Components.ToDictionary(c => c.Component);
        foreach (var (component, pct) in expected)
        {
            Assert.Equal(pct, components[component].AvailabilityPct!.Value, 0.0005);
        }
    }

    [Fact]
    public void A_client_named_by_an_incident_sees_it_and_the_ones_hitting_everyone()
    {
        // INC-001 (May 2025) hit C-029 only.
        var may = Month("2025-05");
        Assert.Contains(sample.Service.IncidentsForClient("C-029", may), i => i.IncidentId == "INC-001");
        Assert.DoesNotContain(sample.Service.IncidentsForClient("C-010", may), i => i.IncidentId == "INC-001");
    }

    [GeneratedRegex(@"^\| ([a-z-]+) \| ([0-9.]+) % \| [0-9]+ ms \|$", RegexOptions.Multiline)]
    private static partial Regex AvailabilityRow();
}
