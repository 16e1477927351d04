using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Quality;

/// <summary>
/// The monthly SLA report: first-response and resolution compliance against the plan's target by tier, priority and
/// channel, the year's trend, business times, the worst breaches, and when tickets arrive.
/// </summary>
internal sealed class SlaReport(PeriodFigures figures) : QualityReport(figures)
{
    private static readonly QualityMeasure FirstResponse = QualityMeasure.SlaFirstResponse;
    private static readonly QualityMeasure Resolution = QualityMeasure.SlaResolution;

    public override DocumentInfo Info => Describe("SLA report", "SLA compliance");

    protected override string Heading => "SLA compliance";

    protected override string Purpose =>
        "Each ticket created in the " + Figures.Unit + " has a first-response and a resolution deadline in business time on its tier's " +
        "calendar (hours, holidays, pauses while pending or on hold). Compliance is achieved / (achieved + breached); a " +
        "ticket still open is active until its deadline passes, then breached. Open tickets are judged as of the data's horizon.";

    protected override void ComposeBody(ColumnDescriptor page)
    {
        var all = Figures.All;
        var previous = Figures.Previous;
        page.Section(new ScorecardSection(
            "Scorecard",
            all.TicketsCreated == 0
                ? $"No ticket was created in {PeriodName}, so no SLA target was set."
                : $"{ReportText.Count(all.TicketsCreated)} tickets created: first response {ReportText.Count(all.SlaFirstResponse.Achieved)} achieved, " +
                  $"{ReportText.Count(all.SlaFirstResponse.Breached)} breached, {ReportText.Count(all.SlaFirstResponse.Active)} active; resolution " +
                  $"{ReportText.Count(all.SlaResolution.Achieved)} achieved, {ReportText.Count(all.SlaResolution.Breached)} breached, {ReportText.Count(all.SlaResolution.Active)} active.",
            [
                ScorecardSection.Tile(FirstResponse, Figures),
                ScorecardSection.Tile(Resolution, Figures),
                ScorecardSection.CountTile("Tickets created", all.TicketsCreated, previous?.TicketsCreated, PreviousName,
                    [.. Figures.Trend.Select(t => (double?)t.Metrics?.TicketsCreated)]),
                ScorecardSection.CountTile("Targets breached", all.SlaFirstResponse.Breached + all.SlaResolution.Breached,
                    previous is null ? null : previous.SlaFirstResponse.Breached + previous.SlaResolution.Breached, PreviousName,
                    [.. Figures.Trend.Select(t => t.Metrics is { } m ? (double?)(m.SlaFirstResponse.Breached + m.SlaResolution.Breached) : null)]),
            ]));
        var target = Figures.Sources.Settings.Targets.SlaCompliancePct;
        page.Section(new TrendSection(
            $"The last twelve {Figures.Unit}s",
            $"SLA compliance by {Figures.Unit}, {Figures.StepsRange}",
            [FirstResponse, Resolution],
            Figures.Trend,
            Figures.ReportZone,
            new TargetLine(target, $"Target ≥ {ReportText.Trim(target)} %")));
        page.Heading("Where compliance stands");
        page.Section(new BreakdownSection("First response by tier", null, FirstResponse, Figures.ByTier, g => ReportText.Title(g.Key), "tier", BreakdownChart.Bullets));
        page.Section(new BreakdownSection("Resolution by tier", null, Resolution, Figures.ByTier, g => ReportText.Title(g.Key), "tier", BreakdownChart.Bullets));
        page.Section(new SlaByPrioritySection(Figures));
        page.Section(new BreakdownSection("First response by channel", null, FirstResponse, Figures.ByChannel, g => ReportText.Channel(g.Key), "channel", BreakdownChart.None));
        page.Section(new BreakdownSection("Resolution by channel", null, Resolution, Figures.ByChannel, g => ReportText.Channel(g.Key), "channel", BreakdownChart.None));
        page.Section(new SlaTimesSection(Figures));
        page.Section(new WorstBreachesSection(Figures));
        page.Section(new ArrivalSection(Figures));
    }
}
