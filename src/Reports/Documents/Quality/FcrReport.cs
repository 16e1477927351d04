using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Quality;

/// <summary>
/// The monthly first-contact resolution report: one-touch resolution against each tier's target, its year, tiers,
/// channels and clients, with the reopens and escalations that undo or bypass it.
/// </summary>
internal sealed class FcrReport(PeriodFigures figures) : QualityReport(figures)
{
    private static readonly QualityMeasure Fcr = QualityMeasure.Fcr;

    public override DocumentInfo Info => Describe("FCR report", "First-contact resolution");

    protected override string Heading => "First-contact resolution (FCR)";

    protected override string Purpose =>
        "FCR is the share of tickets solved in the " + Figures.Unit + " with at most one agent reply and never reopened, among the solved " +
        "tickets whose reply and reopen counts are known. Each tier has its own target; the organisation's target is the " +
        "tiers' targets weighted by their solved tickets.";

    protected override void ComposeBody(ColumnDescriptor page)
    {
        var all = Figures.All;
        page.Section(new ScorecardSection(
            "Scorecard",
            all.FirstContactResolution.Total == 0
                ? $"No ticket with a known reply and reopen count was solved in {PeriodName}."
                : $"FCR lies within {ReportText.Interval(all.FirstContactResolution)} with 95 % confidence (Wilson interval), " +
                  $"from {ReportText.Count(all.FirstContactResolution.Total)} solved tickets.",
            [
                ScorecardSection.Tile(Fcr, Figures),
                ScorecardSection.CountTile("Solved tickets", all.TicketsSolved, Figures.Previous?.TicketsSolved, PreviousName,
                    [.. Figures.Trend.Select(t => (double?)t.Metrics?.TicketsSolved)]),
                ScorecardSection.Tile(QualityMeasure.Reopens, Figures),
                ScorecardSection.Tile(QualityMeasure.Escalations, Figures),
                .. TierTiles(Fcr),
            ]));
        page.Section(Trend(Fcr, tierMix: true, $"The organisation's target moves with the mix of tiers solved; the table gives each {Figures.Unit}'s own."));
        page.Heading("Where first-contact resolution stands");
        page.Section(ByTier(Fcr));
        page.Section(ByChannel(Fcr));
        page.Section(new BreakdownSection(
            "Escalations by tier",
            $"Tickets escalated out of those created in the {Figures.Unit}, against the plan's ceiling; an escalated ticket is rarely solved in one touch.",
            QualityMeasure.Escalations, Figures.ByTier, g => ReportText.Title(g.Key), "tier", BreakdownChart.None));
        page.Section(new BreakdownSection(
            "Reopens by tier",
            "Solved tickets reopened at least once: each one is a resolution that did not hold. The plan sets no target.",
            QualityMeasure.Reopens, Figures.ByTier, g => ReportText.Title(g.Key), "tier", BreakdownChart.None));
        page.Section(new ClientTableSection(Fcr, Figures));
    }
}
