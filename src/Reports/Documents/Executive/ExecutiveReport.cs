using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Executive;

/// <summary>
/// The monthly executive pack: every target of the plan with its trend against last month, the month in brief, volume,
/// service levels by tier, the quality trends, incidents and availability.
/// </summary>
internal sealed class ExecutiveReport(PeriodFigures figures) : IReportDocument
{
    private string PeriodName => figures.Label;

    private string PreviousName => figures.PreviousLabel;

    public DocumentInfo Info => new("Executive pack", "Support performance, " + PeriodName, PeriodName, figures.ReportZone);

    public void Compose(ReportDocument document)
    {
        var scorecard = Scorecard();
        document.Page(page =>
        {
            page.Section(new CoverSection(
                "Executive pack",
                figures,
                "How the support organisation did against its plan this month: the scorecard first, then volume, service levels, " +
                "quality trends, and incidents. “–” marks a figure with no data behind it: not measured, never counted as met."));
            page.Section(new MonthInBriefSection(figures, scorecard));
            page.Section(new ScorecardSection(
                "Scorecard",
                $"Each target of the support plan, with the change since {figures.Span.Previous.Label} (green when better, orange when worse). " +
                "Uptime and latency are promised per component: the tiles show the lowest availability and the slowest p95 latency of the month.",
                scorecard));
            page.Section(new VolumeSection(figures));
            page.Section(new VolumeForecastSection(figures));
            page.Heading("Service levels by tier");
            page.Row(row => row
                .RelativeItem(1, item => item.Section(SlaByTier(QualityMeasure.SlaFirstResponse)))
                .RelativeItem(1, item => item.Section(SlaByTier(QualityMeasure.SlaResolution))));
            page.Heading("Quality over the year");
            foreach (var (measure, tierMix) in new[] { (QualityMeasure.Csat, true), (QualityMeasure.Nps, false), (QualityMeasure.Fcr, true) })
            {
                var targetMonth = figures.Trend.LastOrDefault(t => measure.Check(t.Metrics) is not null)?.Metrics;
                page.Section(new TrendSection(
                    measure.Name,
                    $"{measure.Name} by month, {figures.StepsRange}",
                    [measure],
                    figures.Trend,
                    figures.ReportZone,
                    TrendSection.TargetOf(measure, targetMonth, tierMix),
                    table: false,
                    level: 2,
                    height: 150));
            }

            page.Heading("Incidents and availability");
            page.Section(new IncidentSummarySection(figures.Incidents, PeriodName));
            page.Section(new IncidentListSection(
                "The month's incidents", figures.Sources.Incidents.Incidents(figures.Period), figures.Zone, $"No incident started in {PeriodName}."));
            page.Section(new AvailabilitySection(figures.Incidents, figures.PreviousIncidents, PeriodName, PreviousName));
            page.Section(new AtRiskSection(figures.Book, PeriodName));
            page.Section(new SpikesSection(figures));
            page.Section(new RetentionSection(figures.Book, PeriodName));
        });
    }

    private BreakdownSection SlaByTier(QualityMeasure measure) => new(
        measure.Name, null, measure, figures.ByTier, g => ReportText.Title(g.Key), "tier", BreakdownChart.Bullets, table: false, chartHeight: 165);

    /// <summary>Every target of the plan that has data behind it, in the plan's order.</summary>
    private IReadOnlyList<KpiTile> Scorecard()
    {
        var tiles = new List<KpiTile>
        {
            ScorecardSection.Tile(QualityMeasure.Csat, figures),
            ScorecardSection.Tile(QualityMeasure.Nps, figures),
            ScorecardSection.Tile(QualityMeasure.Fcr, figures),
            ScorecardSection.Tile(QualityMeasure.Escalations, figures),
            ScorecardSection.Tile(QualityMeasure.SlaFirstResponse, figures),
            ScorecardSection.Tile(QualityMeasure.SlaResolution, figures),
            AvailabilityTile(),
            LatencyTile(),
            HealthTile(),
            RetentionTile(),
        };
        return tiles;
    }

    /// <summary>The lowest component's availability: the promise is per component, so the weakest one decides.</summary>
    private KpiTile AvailabilityTile()
    {
        var lowest = figures.Incidents.Components.Where(c => c.AvailabilityPct is not null).MinBy(c => c.AvailabilityPct);
        var previous = lowest is null ? null : figures.PreviousIncidents.Components.FirstOrDefault(c => c.Component == lowest.Component);
        return new KpiTile(
            lowest is null ? "Uptime" : $"Uptime · {lowest.Component}",
            lowest?.AvailabilityPct,
            new ValueFormat(3, " %", " pts"),
            lowest is null ? null : ToKpi(lowest.Availability, " %"),
            previous?.AvailabilityPct,
            PreviousName);
    }

    /// <summary>The slowest component's 95th-percentile latency.</summary>
    private KpiTile LatencyTile()
    {
        var slowest = figures.Incidents.Components.Where(c => c.P95LatencyMs is not null).MaxBy(c => c.P95LatencyMs);
        var previous = slowest is null ? null : figures.PreviousIncidents.Components.FirstOrDefault(c => c.Component == slowest.Component);
        return new KpiTile(
            slowest is null ? "p95 latency" : $"p95 latency · {slowest.Component}",
            slowest?.P95LatencyMs,
            new ValueFormat(0, " ms", " ms"),
            slowest is null ? null : ToKpi(slowest.P95Latency, " ms"),
            previous?.P95LatencyMs,
            PreviousName);
    }

    /// <summary>The mean health score of the active clients on the month's last day (`health` prints it as "average score").</summary>
    private KpiTile HealthTile()
    {
        var target = figures.Sources.Settings.Targets.HealthAverageMin;
        return new KpiTile(
            "Health score average",
            figures.Book?.AverageScore,
            ValueFormat.Decimal,
            new KpiTarget(Comparison.Above, target, ReportText.Trim(target)),
            figures.PreviousBook?.AverageScore,
            PreviousName);
    }

    /// <summary>Client retention over the twelve months to the month's last day, against the plan's annual target.</summary>
    private KpiTile RetentionTile()
    {
        var annual = figures.Book?.Retention.Annual.All;
        var check = annual?.ClientTarget;
        return new KpiTile(
            "Client retention (12 months)",
            annual?.ClientRetentionPct,
            ValueFormat.Percent,
            check is null ? null : QualityMeasure.ToKpi(check) with { Text = ReportText.Trim(check.Target) + " %" },
            figures.PreviousBook?.Retention.Annual.All.ClientRetentionPct,
            PreviousName);
    }

    private static KpiTarget ToKpi(TargetCheck check, string unit) => QualityMeasure.ToKpi(check) with { Text = ReportText.Trim(check.Target) + unit };

    /// <summary>Tickets created in each of the twelve months (`metrics --by month`).</summary>
    private sealed class VolumeSection(PeriodFigures figures) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Volume");
            if (figures.Trend.All(t => t.Metrics is not { TicketsCreated: > 0 }))
            {
                column.NoData($"No ticket was created from {figures.StepsRange}.");
                return;
            }

            column.Chart(new BarChart(new BarChartData(
                $"Tickets created by month, {figures.StepsRange}",
                "Tickets",
                ValueFormat.Count,
                [new CategorySeries("Tickets created", [.. figures.Trend.Select(t => new LabelledValue(t.Span.ShortLabel, t.Metrics?.TicketsCreated))])])), 170);
        }
    }
}
