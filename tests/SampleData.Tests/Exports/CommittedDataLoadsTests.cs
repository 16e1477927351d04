using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.SampleData.Tests.Exports;

/// <summary>The committed sample history loads through ingest with nothing rejected, in every format it ships in.</summary>
public sealed class CommittedDataLoadsTests
{
    private static string Sample(string name) => RepositoryFiles.SampleData(name);

    [Fact]
    public void Generic_files_load_with_zero_rejected_rows_and_give_metrics()
    {
        using var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        var files = new (IngestKind Kind, string File)[]
        {
            (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.TicketEvents, "ticket-events.csv.gz"),
            (IngestKind.Csat, "csat.csv"), (IngestKind.Nps, "nps.csv"), (IngestKind.Incidents, "incidents.csv"), (IngestKind.Checks, "checks.csv.gz"),
            (IngestKind.Volume, "volume.csv.gz"),
        };
        foreach (var (kind, file) in files)
        {
            var report = ingestor.Ingest(Sample(file), new IngestRequest(kind));
            Assert.True(report.RowsRejected == 0, $"{file}: {report.RowsRejected} rejected, first: {report.Errors.FirstOrDefault()}");
            Assert.True(report.RowsLoaded > 0, file);
            Assert.Equal(report.RowsRead, report.RowsLoaded);
        }
        Assert.Equal(40, warehouse.RowCounts().Single(c => c.Table == "clients").Rows);
        using (var connection = warehouse.OpenConnection())
        {
            // The interval volume agrees with the tickets once stored: every phone and chat ticket is a handled contact.
            using var handled = connection.CreateCommand("SELECT sum(handled)::BIGINT FROM volume_intervals");
            using var live = connection.CreateCommand("SELECT count(*) FROM tickets WHERE channel IN ('phone', 'chat')");
            Assert.Equal(Convert.ToInt64(live.ExecuteScalar(), CultureInfo.InvariantCulture), Convert.ToInt64(handled.ExecuteScalar(), CultureInfo.InvariantCulture));
        }

        new RefreshService(warehouse, DerivedTables.All(SupportLensSettings.Default, TimeProvider.System), TimeProvider.System).Run();
        var metrics = new MetricsService(warehouse, SupportLensSettings.Default);
        var whole = Assert.Single(metrics.Compute(metrics.Between("2025-05-01", "2026-10-31"), MetricsGrouping.All).Groups);
        Assert.Equal(warehouse.RowCounts().Single(c => c.Table == "tickets").Rows, whole.TicketsCreated);
        // The history is built to miss some SLAs, mostly in overloaded weeks, but far from all of them.
        Assert.InRange(whole.SlaFirstResponse.Percent!.Value, 80, 99);
        Assert.InRange(whole.SlaResolution.Percent!.Value, 75, 99);
        Assert.InRange(whole.Csat.Percent!.Value, 75, 95);
    }

    [Fact]
    public void Vendor_renderings_load_with_zero_rejected_rows()
    {
        using var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        Assert.Equal(0, ingestor.Ingest(Sample("clients.csv"), new IngestRequest(IngestKind.Clients)).RowsRejected);

        var zendesk = ingestor.Ingest(Sample("zendesk/tickets.csv.gz"), new IngestRequest(IngestKind.Tickets) { Profile = "zendesk" });
        Assert.True(zendesk.RowsRejected == 0, $"zendesk: {zendesk.RowsRejected} rejected, first: {zendesk.Errors.FirstOrDefault()}");
        Assert.True(zendesk.RowsLoaded > 30_000);

        var statuspage = ingestor.Ingest(Sample("statuspage/incidents.json"), new IngestRequest(IngestKind.Incidents) { Profile = "statuspage" });
        Assert.True(statuspage.RowsRejected == 0, $"statuspage: {statuspage.RowsRejected} rejected, first: {statuspage.Errors.FirstOrDefault()}");
        Assert.True(statuspage.RowsLoaded > 0);
    }
}
