using System.Globalization;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>
/// The CSAT, NPS, FCR and SLA reports of the sample's last month, read back with pdftotext: every figure they print is
/// the one MetricsService (what `supportlens metrics` prints) and the SLA queries give for the same period.
/// </summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class QualityReportTests(SampleHistory sample)
{
    private readonly ReportingPeriod october = sample.Period(SampleHistory.LastMonth);

    private ReadBack Read(ReportKind kind, string month = SampleHistory.LastMonth) => new(sample.Rendered(kind, month));

    private QualityMetrics All(string month = SampleHistory.LastMonth) =>
        sample.Metrics.Compute(sample.Period(month), MetricsGrouping.All).Groups.Single();

    private IReadOnlyList<QualityMetrics> By(MetricsGrouping grouping) => sample.Metrics.Compute(october, grouping).Groups;

    /// <summary>A figure as metrics prints it (decisive places against its target), with the report's unit and minus sign.</summary>
    private static string Shown(QualityMetrics group, string metric, string suffix = " %") =>
        group.Targets.Single(t => t.Metric == metric).Shown().Replace('-', '−') + suffix;

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Tier(string key) => char.ToUpperInvariant(key[0]) + key[1..];

    [Theory]
    [InlineData(ReportKind.Csat, "Customer satisfaction (CSAT)")]
    [InlineData(ReportKind.Nps, "Net Promoter Score (NPS)")]
    [InlineData(ReportKind.Fcr, "First-contact resolution (FCR)")]
    [InlineData(ReportKind.Sla, "SLA compliance")]
    public void Each_report_opens_with_its_cover_line(ReportKind kind, string title)
    {
        var report = Read(kind);

        Assert.Contains(title, report.Pages[0]);
        // "data as of" is the tickets' horizon, the instant `metrics` prints as its "as of".
        var asOf = sample.Metrics.Compute(october, MetricsGrouping.All).AsOf!.Value.InZone(october.Zone)
            .ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
        report.Row("October 2026 (2026-10-01 to 2026-10-31)", "times in America/New_York", "data as of " + asOf);
        Assert.Contains("Generated 2026-11-01 06:00 EST by SupportLens", report.Pages[^1]);
        Assert.Contains($"Page {report.Pages.Count} of {report.Pages.Count}", report.Pages[^1]);
        Assert.Equal(report.Report.Pages, report.Pages.Count);
    }

    [Fact]
    public void Csat_figures_equal_the_metrics_of_the_month_by_tier_channel_and_client()
    {
        var report = Read(ReportKind.Csat);
        var all = All();

        report.Tile("CSAT", Shown(all, "csat_pct"));
        report.Tile("Answers", Count(all.Csat.Total));
        Assert.Contains($"from {Count(all.Csat.Total)} answers", report.Text);
        foreach (var tier in By(MetricsGrouping.Tier))
        {
            report.Row(Tier(tier.Key), Count(tier.Csat.Total), Shown(tier, "csat_pct"));
        }

        foreach (var channel in By(MetricsGrouping.Channel).Where(c => c.Csat.Total > 0))
        {
            report.Row(channel.Key == "api" ? "API" : Tier(channel.Key), Count(channel.Csat.Total), Shown(channel, "csat_pct"));
        }

        foreach (var client in By(MetricsGrouping.Client).Where(c => c.Csat.Total > 0))
        {
            report.Row($"({client.Key})", Count(client.Csat.Total), Shown(client, "csat_pct"));
        }

        // The trend's months are `metrics --by month` over the twelve months to October.
        var months = sample.Metrics.Compute(ReportingPeriod.Between("2025-11-01", "2026-10-31", october.Zone), MetricsGrouping.Month).Groups;
        Assert.Equal(12, months.Count);
        foreach (var month in months)
        {
            var name = DateTime.ParseExact(month.Key, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture);
            report.Row(name, Count(month.Csat.Total), Shown(month, "csat_pct"));
        }
    }

    [Fact]
    public void Fcr_figures_equal_the_metrics_of_the_month()
    {
        var report = Read(ReportKind.Fcr);
        var all = All();

        report.Tile("FCR", Shown(all, "fcr_pct"));
        report.Tile("Escalation rate", Shown(all, "escalation_pct"));
        report.Tile("Solved tickets", Count(all.TicketsSolved));
        foreach (var tier in By(MetricsGrouping.Tier))
        {
            report.Row(Tier(tier.Key), Count(tier.FirstContactResolution.Total), Shown(tier, "fcr_pct"));
            report.Row(Tier(tier.Key), Count(tier.Escalations.Total), Shown(tier, "escalation_pct"));
        }

        foreach (var client in By(MetricsGrouping.Client).Where(c => c.FirstContactResolution.Total > 0))
        {
            report.Row($"({client.Key})", Count(client.FirstContactResolution.Total), Shown(client, "fcr_pct"));
        }
    }

    [Fact]
    public void Sla_figures_equal_the_metrics_and_the_sla_queries_of_the_month()
    {
        var report = Read(ReportKind.Sla);
        var all = All();

        report.Tile("SLA first response", Shown(all, "sla_first_response_pct"));
        report.Tile("SLA resolution", Shown(all, "sla_resolution_pct"));
        report.Tile("Tickets created", Count(all.TicketsCreated));
        Assert.Contains($"{Count(all.TicketsCreated)} tickets created: first response {Count(all.SlaFirstResponse.Achieved)} achieved, " +
                        $"{Count(all.SlaFirstResponse.Breached)} breached", report.Flat);
        foreach (var tier in By(MetricsGrouping.Tier))
        {
            report.Row(Tier(tier.Key), Count(tier.SlaFirstResponse.Achieved + tier.SlaFirstResponse.Breached), Shown(tier, "sla_first_response_pct"));
            report.Row(Tier(tier.Key), Count(tier.SlaResolution.Achieved + tier.SlaResolution.Breached), Shown(tier, "sla_resolution_pct"));
        }

        var breakdown = new SlaBreakdown(sample.Warehouse);
        foreach (var priority in breakdown.ByPriority(october))
        {
            report.Row(Tier(priority.Priority), Count(priority.Tickets), Pct(priority.FirstResponse), Count(priority.FirstResponse.Breached),
                Count(priority.FirstResponse.Active), Pct(priority.Resolution), Count(priority.Resolution.Breached));
        }

        var worst = breakdown.Worst(october, 25);
        Assert.Contains($"{Count(worst.Total)} targets were breached", report.Text);
        foreach (var breach in worst.Worst)
        {
            report.Row(breach.TicketId, breach.ClientName!);
        }
    }

    private static string Pct(SlaCompliance sla) =>
        new TargetCheck("sla", sla.Percent, 95, TargetDirection.AtLeast).Shown() + " %";

    [Fact]
    public void Nps_says_the_month_had_no_answers_and_shows_the_latest_month_that_had()
    {
        var report = Read(ReportKind.Nps);
        Assert.Null(All().Nps.Score);

        // Relationship surveys go out quarterly: the sample's latest before October is August 2026.
        var august = All("2026-08");
        var text = report.Flat;
        Assert.Contains("No NPS answers were received in October 2026.", text);
        Assert.Contains($"The latest were in August 2026: NPS {Shown(august, "nps", "")} from {Count(august.Nps.Responses)} answers.", text);
        Assert.Contains("The latest answers: August 2026", text);
        var augustByTier = sample.Metrics.Compute(sample.Period("2026-08"), MetricsGrouping.Tier).Groups;
        foreach (var tier in augustByTier)
        {
            report.Row(Tier(tier.Key), Count(tier.Nps.Responses), Shown(tier, "nps", ""));
        }
    }

    [Fact]
    public void Nps_of_a_surveyed_month_prints_its_score_and_mix()
    {
        var report = Read(ReportKind.Nps, "2026-08");
        var august = All("2026-08");
        var nps = august.Nps;

        Assert.Contains($"NPS {nps.Score:F1} ± {nps.MarginOfError:F1} points (95 % margin of error) from {Count(nps.Responses)} answers",
            report.Flat);
        Assert.Contains("Promoters, passives and detractors", report.Text);
        Assert.DoesNotContain("The latest answers", report.Text);
    }
}
