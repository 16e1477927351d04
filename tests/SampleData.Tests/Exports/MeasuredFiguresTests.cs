using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.SampleData.Tests.Exports;

/// <summary>
/// What the generator says it built (its README's summary, reckoned on its own tickets) is what SupportLens measures once
/// the files are ingested and refreshed: the same counts, ticket for ticket, for the whole history.
/// </summary>
[Collection(SampleDataCollection.Name)]
public sealed class MeasuredFiguresTests(SampleDataFixture fixture)
{
    [Fact]
    public void SupportLens_measures_the_figures_the_generator_reports()
    {
        using var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        foreach (var (kind, file) in new[]
        {
            (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.TicketEvents, "ticket-events.csv.gz"),
            (IngestKind.Csat, "csat.csv"), (IngestKind.Nps, "nps.csv"),
        })
        {
            Assert.Equal(0, ingestor.Ingest(fixture.File(file), new IngestRequest(kind)).RowsRejected);
        }
        new RefreshService(warehouse, DerivedTables.All(SupportLensSettings.Default, TimeProvider.System), TimeProvider.System).Run();
        var metrics = new MetricsService(warehouse, SupportLensSettings.Default);
        var measured = Assert.Single(metrics.Compute(metrics.Between("2025-05-01", "2026-10-31"), MetricsGrouping.All).Groups);
        var reported = fixture.Result.Summary!.Overall;

        Assert.Equal(reported.Tickets, measured.TicketsCreated);
        Assert.Equal((reported.FirstResponseBreached, reported.FirstResponseDecided), (measured.SlaFirstResponse.Breached, measured.SlaFirstResponse.Achieved + measured.SlaFirstResponse.Breached));
        Assert.Equal((reported.ResolutionBreached, reported.ResolutionDecided), (measured.SlaResolution.Breached, measured.SlaResolution.Achieved + measured.SlaResolution.Breached));
        Assert.Equal((reported.OneTouch, reported.Solved), (measured.FirstContactResolution.Successes, measured.FirstContactResolution.Total));
        Assert.Equal(reported.Escalated, measured.Escalations.Successes);
        Assert.Equal((reported.CsatGood, reported.CsatResponses), (measured.Csat.Successes, measured.Csat.Total));
        Assert.Equal((reported.Promoters, reported.Detractors, reported.NpsResponses), (measured.Nps.Promoters, measured.Nps.Detractors, measured.Nps.Responses));
    }
}
