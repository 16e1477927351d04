using System.Globalization;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>The executive pack of the sample's last month: its scorecard, incidents and availability are the metrics' own.</summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class ExecutiveReportTests(SampleHistory sample)
{
    private readonly ReadBack report = new(sample.Rendered(ReportKind.Executive));

    private QualityMetrics All => sample.Metrics.Compute(sample.Period(SampleHistory.LastMonth), MetricsGrouping.All).Groups.Single();

    private static string Shown(QualityMetrics group, string metric) => group.Targets.Single(t => t.Metric == metric).Shown() + " %";

    [Fact]
    public void The_scorecard_holds_every_quality_target_as_metrics_prints_it()
    {
        var all = All;
        report.Tile("CSAT", Shown(all, "csat_pct"));
        report.Tile("FCR", Shown(all, "fcr_pct"));
        report.Tile("Escalation rate", Shown(all, "escalation_pct"));
        report.Tile("SLA first response", Shown(all, "sla_first_response_pct"));
        report.Tile("SLA resolution", Shown(all, "sla_resolution_pct"));
        // October had no NPS answers: not measured, never met.
        report.Tile("NPS", "–");
        var september = sample.Metrics.Compute(sample.Period("2026-09"), MetricsGrouping.All).Groups.Single();
        var change = Math.Round(all.Csat.Percent!.Value - september.Csat.Percent!.Value, 1, MidpointRounding.AwayFromZero);
        Assert.Contains(change > 0 ? $"▲ +{change:F1} pts vs Sep" : $"▼ −{-change:F1} pts vs Sep", report.Text);
    }

    [Fact]
    public void Availability_and_latency_tiles_name_the_weakest_component()
    {
        var incidents = sample.Incidents.Compute(sample.Period(SampleHistory.LastMonth));
        var lowest = incidents.Components.MinBy(c => c.AvailabilityPct)!;
        var slowest = incidents.Components.MaxBy(c => c.P95LatencyMs)!;

        report.Tile($"Uptime · {lowest.Component}", lowest.AvailabilityPct!.Value.ToString("F3", CultureInfo.InvariantCulture) + " %");
        report.Tile($"p95 latency · {slowest.Component}", slowest.P95LatencyMs!.Value.ToString("F0", CultureInfo.InvariantCulture) + " ms");
        foreach (var component in incidents.Components)
        {
            report.Row(component.Component, component.AvailabilityPct!.Value.ToString("F3", CultureInfo.InvariantCulture) + " %",
                component.P95LatencyMs!.Value.ToString("F0", CultureInfo.InvariantCulture) + " ms");
        }
    }

    [Fact]
    public void Incidents_are_those_the_metrics_count()
    {
        var period = sample.Period(SampleHistory.LastMonth);
        var incidents = sample.Incidents.Compute(period);
        var all = incidents.Overall;

        report.Row("All", all.Incidents.ToString(CultureInfo.InvariantCulture),
            $"{all.InitialResponse.Percent:F1} % ({all.InitialResponse.Met}/{all.InitialResponse.Decided})");
        foreach (var incident in sample.Incidents.Incidents(period))
        {
            report.Row(incident.IncidentId, incident.Severity.ToString(CultureInfo.InvariantCulture), incident.Title);
        }
    }

    [Fact]
    public void The_month_in_brief_counts_targets_and_volume()
    {
        var all = All;
        var text = report.Flat;

        Assert.Contains($"{all.TicketsCreated.ToString("N0", CultureInfo.InvariantCulture)} tickets were created", text);
        Assert.Contains("Not measured (no data behind them): NPS.", text);
        Assert.Matches(@"\d of the \d targets measured were met\.", text);
    }
}
