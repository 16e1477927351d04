using System.Globalization;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>Client-health reports of the sample's last month: each client's figures are its row of `metrics --by client`.</summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class ClientHealthReportTests(SampleHistory sample)
{
    private static string Shown(QualityMetrics group, string metric) =>
        group.Targets.Single(t => t.Metric == metric).Shown().Replace('-', '−');

    [Theory]
    // C-024 churned on 2026-10-11, its CSAT fell below the enterprise target; C-021 is a large enterprise account; C-001 a small starter.
    [InlineData("C-024")]
    [InlineData("C-021")]
    [InlineData("C-001")]
    public void A_clients_figures_are_its_row_of_the_metrics_by_client(string clientId)
    {
        var report = new ReadBack(sample.Rendered(ReportKind.ClientHealth, SampleHistory.LastMonth, clientId));
        var period = sample.Period(SampleHistory.LastMonth);
        var mine = sample.Metrics.Compute(period, MetricsGrouping.Client).Groups.Single(g => g.Key == clientId);

        Assert.Contains(clientId, report.Pages[0]);
        report.Tile("SLA first response", Shown(mine, "sla_first_response_pct") + " %");
        report.Tile("SLA resolution", Shown(mine, "sla_resolution_pct") + " %");
        report.Tile("Tickets created", mine.TicketsCreated.ToString("N0", CultureInfo.InvariantCulture));
        report.Row("Oct 2026", mine.TicketsCreated.ToString("N0", CultureInfo.InvariantCulture));
        if (mine.Csat.Total > 0)
        {
            report.Tile("CSAT", Shown(mine, "csat_pct") + " %");
            report.Row("Oct 2026", $"{Shown(mine, "csat_pct")} % ({mine.Csat.Total})");
        }

        foreach (var incident in sample.Incidents.IncidentsForClient(clientId, period))
        {
            report.Row(incident.IncidentId, incident.Severity.ToString(CultureInfo.InvariantCulture));
        }

        var escalations = new SupportLens.Analytics.Metrics.OpenEscalations(sample.Warehouse).AtEndOf(period, clientId);
        foreach (var open in escalations.Open)
        {
            report.Row(open.TicketId);
        }

        if (escalations.Open.Count == 0)
        {
            Assert.Contains("No escalated ticket of", report.Text);
        }
    }

    [Fact]
    public void Without_a_client_every_client_active_in_the_month_gets_one()
    {
        var seen = new List<string>();
        var written = sample.Renderer.Render([ReportKind.ClientHealth], SampleHistory.LastMonth,
            outDirectory: Path.Combine(sample.ReportsDirectory, "batch"), progress: r => seen.Add(r.ClientId!));

        // 40 clients; by October 2026 five had churned (C-013, C-026, C-027, C-032, C-039); C-024 churned on 11 October,
        // so October is still its month.
        var expected = Enumerable.Range(1, 40).Select(i => $"C-{i:000}")
            .Except(["C-013", "C-026", "C-027", "C-032", "C-039"]).ToList();
        Assert.Equal(expected, written.Select(r => r.ClientId));
        Assert.Equal(expected, sample.Renderer.ActiveClients(SampleHistory.LastMonth));
        Assert.Equal(expected.Order(), seen.Order());
        Assert.All(written, r => Assert.Equal($"client-health-{r.ClientId}.pdf", Path.GetFileName(r.Path)));
        Assert.All(written, r => Assert.True(File.Exists(r.Path)));
    }

    [Fact]
    public void A_churned_client_can_still_be_reported_by_name()
    {
        var report = Assert.Single(sample.Renderer.Render([ReportKind.ClientHealth], SampleHistory.LastMonth, ["C-013"],
            outDirectory: Path.Combine(sample.ReportsDirectory, "churned")));
        var text = new ReadBack(report).Flat;

        Assert.Contains("churned 2025-12-31", text);
        Assert.Contains("every figure of the month is not measured", text);
    }

    [Fact]
    public void An_unknown_client_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => sample.Renderer.Render(ReportKind.ClientHealth, SampleHistory.LastMonth, "C-999"));
        Assert.Contains("C-999", error.Message);
    }
}
