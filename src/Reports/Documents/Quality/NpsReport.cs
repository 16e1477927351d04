using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Quality;

/// <summary>
/// The monthly NPS report: the score against the plan's target with its margin of error, the mix of promoters, passives
/// and detractors, its year, its tiers and every client. Relationship surveys often go out quarterly: a month without
/// answers says so and points at the latest month that had them.
/// </summary>
internal sealed class NpsReport(PeriodFigures figures) : QualityReport(figures)
{
    private static readonly QualityMeasure Nps = QualityMeasure.Nps;

    public override DocumentInfo Info => Describe("NPS report", "Net Promoter Score");

    protected override string Heading => "Net Promoter Score (NPS)";

    protected override string Purpose =>
        "NPS is the share of promoters (9–10) minus the share of detractors (0–6) among the answers of the " + Figures.Unit + ", from −100 " +
        "to 100, with its 95 % margin of error. The plan's target is the same for every tier.";

    protected override void ComposeBody(ColumnDescriptor page)
    {
        var all = Figures.All;
        page.Section(new ScorecardSection(
            "Scorecard",
            Lead(all),
            [
                ScorecardSection.Tile(Nps, Figures),
                ScorecardSection.CountTile("Answers", all.Nps.Responses, Figures.Previous?.Nps.Responses, PreviousName,
                    [.. Figures.Trend.Select(t => (double?)t.Metrics?.Nps.Responses)]),
                Share("Promoters (9–10)", all.Nps, n => n.Promoters, Figures.Previous?.Nps),
                Share("Detractors (0–6)", all.Nps, n => n.Detractors, Figures.Previous?.Nps),
            ]));
        page.Section(Trend(Nps, tierMix: false, "Months without answers leave a gap: they are not measured, not zero."));
        page.Heading("Where the score stands");
        page.Section(ByTier(Nps, BreakdownChart.Bars));
        page.Section(new MixSection(Figures));
        page.Section(new ClientTableSection(Nps, Figures));
        if (all.Nps.Responses == 0 && Figures.Trend.LastOrDefault(t => t.Metrics is { Nps.Responses: > 0 }) is { } latest)
        {
            // Surveys go out quarterly: a month without answers shows where the latest ones left the score, labelled as such.
            var then = new PeriodFigures(Figures.Sources, latest.Span);
            var name = latest.Span.Label;
            page.Heading($"The latest answers: {name}");
            var metrics = then.Span.Kind == SpanKind.Month ? $"--month {then.Key}" : $"--from {then.Period.FromText} --to {then.Period.ToText}";
            page.Paragraph($"These figures are {name}'s, the latest {Figures.Unit} with NPS answers, not {PeriodName}'s; they are what “supportlens metrics {metrics}” prints.");
            page.Section(new BreakdownSection($"By tier, {name}", null, Nps, then.ByTier, g => ReportText.Title(g.Key), "tier", BreakdownChart.Bars));
            page.Section(new MixSection(then));
            page.Section(new ClientTableSection(Nps, then, $"NPS by client, {name}"));
        }
    }

    private string Lead(QualityMetrics all)
    {
        var nps = all.Nps;
        if (nps.Responses > 0)
        {
            return $"NPS {ReportText.Nps(nps.Score)} ± {nps.MarginOfError:F1} points (95 % margin of error) from {ReportText.Count(nps.Responses)} answers: " +
                   $"{Pct(nps.Promoters, nps)} promoters, {Pct(nps.Passives, nps)} passives, {Pct(nps.Detractors, nps)} detractors.";
        }

        var latest = Figures.Trend.LastOrDefault(t => t.Metrics is { Nps.Responses: > 0 });
        return latest is null
            ? $"No NPS answers were received in {PeriodName}, nor in the eleven {Figures.Unit}s before it."
            : $"No NPS answers were received in {PeriodName}. The latest were in {latest.Span.Label}: " +
              $"NPS {Nps.Shown(latest.Metrics)} from {ReportText.Count(latest.Metrics!.Nps.Responses)} answers.";
    }

    private KpiTile Share(string label, NetPromoterScore nps, Func<NetPromoterScore, long> part, NetPromoterScore? previous) => new(
        label,
        nps.Responses == 0 ? null : 100.0 * part(nps) / nps.Responses,
        ValueFormat.Percent,
        Previous: previous is { Responses: > 0 } p ? 100.0 * part(p) / p.Responses : null,
        PreviousLabel: PreviousName);

    private static string Pct(long part, NetPromoterScore nps) => ReportText.Percent(100.0 * part / nps.Responses);

    /// <summary>Promoters, passives and detractors of each tier, as shares of its answers.</summary>
    private sealed class MixSection(PeriodFigures figures) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            var tiers = figures.ByTier.Where(g => g.Nps.Responses > 0).ToList();
            if (tiers.Count == 0)
            {
                return;
            }

            column.Heading("Promoters, passives and detractors", 2);
            column.Chart(new StackedBarChart(new BarChartData(
                "Share of answers by tier",
                "Share of answers (%)",
                ValueFormat.Percent,
                [
                    Series("Promoters", tiers, n => n.Promoters),
                    Series("Passives", tiers, n => n.Passives),
                    Series("Detractors", tiers, n => n.Detractors),
                ],
                Horizontal: true,
                Maximum: 100)));
        }

        private static CategorySeries Series(string name, IReadOnlyList<QualityMetrics> tiers, Func<NetPromoterScore, long> part) =>
            new(name, [.. tiers.Select(g => new LabelledValue(ReportText.Title(g.Key), 100.0 * part(g.Nps) / g.Nps.Responses))]);
    }
}
