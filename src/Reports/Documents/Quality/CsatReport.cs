using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Quality;

/// <summary>The monthly CSAT report: satisfaction against each tier's target, its year, its channels and every client.</summary>
internal sealed class CsatReport(PeriodFigures figures) : QualityReport(figures)
{
    private static readonly QualityMeasure Csat = QualityMeasure.Csat;

    public override DocumentInfo Info => Describe("CSAT report", "Customer satisfaction");

    protected override string Heading => "Customer satisfaction (CSAT)";

    protected override string Purpose =>
        "CSAT is the share of good answers (4–5 of 5, or “good”) among the satisfaction surveys answered in the " + Figures.Unit + "; " +
        "unanswered surveys do not count. Each tier has its own target; the organisation's target is the tiers' targets " +
        "weighted by their answers. Figures print with the decimals that decide their verdict.";

    protected override void ComposeBody(ColumnDescriptor page)
    {
        var all = Figures.All;
        page.Section(new ScorecardSection(
            "Scorecard",
            all.Csat.Total == 0
                ? $"No CSAT answers were received in {PeriodName}."
                : $"CSAT lies within {ReportText.Interval(all.Csat)} with 95 % confidence (Wilson interval), from {ReportText.Count(all.Csat.Total)} answers.",
            [
                ScorecardSection.Tile(Csat, Figures),
                ScorecardSection.CountTile("Answers", all.Csat.Total, Figures.Previous?.Csat.Total, PreviousName,
                    [.. Figures.Trend.Select(t => (double?)t.Metrics?.Csat.Total)]),
                .. TierTiles(Csat),
            ],
            perRow: 3));
        page.Section(Trend(Csat, tierMix: true, $"The organisation's target moves with the mix of tiers that answered; the table gives each {Figures.Unit}'s own."));
        page.Heading("Where satisfaction stands");
        page.Section(ByTier(Csat));
        page.Section(ByChannel(Csat, "The channel is that of the ticket the survey was about."));
        page.Section(new ClientTableSection(Csat, Figures));
    }
}
