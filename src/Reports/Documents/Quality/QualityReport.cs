using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Quality;

/// <summary>
/// What the CSAT, NPS, FCR and SLA reports share: the cover, a scorecard, the year's trend, the split by tier and by
/// channel, and every client; each report adds what is particular to its measure.
/// </summary>
internal abstract class QualityReport(PeriodFigures figures) : IReportDocument
{
    /// <summary>The tiers in order of service level, whether or not the month has data for them.</summary>
    protected static readonly string[] Tiers = ["starter", "professional", "business", "enterprise"];

    protected PeriodFigures Figures { get; } = figures;

    protected string PeriodName => Figures.Label;

    protected string PreviousName => Figures.PreviousLabel;

    public abstract DocumentInfo Info { get; }

    public void Compose(ReportDocument document) => document.Page(page =>
    {
        page.Section(new CoverSection(Heading, Figures, Purpose));
        ComposeBody(page);
    });

    /// <summary>The title on the first page (the page header carries the shorter <see cref="DocumentInfo.Title"/>).</summary>
    protected abstract string Heading { get; }

    protected abstract string Purpose { get; }

    protected abstract void ComposeBody(ColumnDescriptor page);

    protected DocumentInfo Describe(string title, string subject) => new(title, subject + ", " + PeriodName, PeriodName, Figures.ReportZone);

    /// <summary>A tile per tier: the tier's figure against its target, and the change since the month before.</summary>
    protected IEnumerable<KpiTile> TierTiles(QualityMeasure measure) => Tiers.Select(tier => ScorecardSection.Tile(
        measure,
        Figures.ByTier.FirstOrDefault(g => g.Key == tier),
        Figures.PreviousByTier.FirstOrDefault(g => g.Key == tier),
        null,
        PreviousName,
        measure.Name + " · " + ReportText.Title(tier)));

    /// <summary>The measure's target for the trend's dashed line: this month's, else the latest month's that had one.</summary>
    protected QualityMetrics? TargetMonth(QualityMeasure measure) =>
        Figures.Trend.LastOrDefault(t => measure.Check(t.Metrics) is not null)?.Metrics;

    protected TrendSection Trend(QualityMeasure measure, bool tierMix, string? note = null) => new(
        $"The last twelve {Figures.Unit}s",
        $"{measure.Name} by {Figures.Unit}, {Figures.StepsRange}",
        [measure],
        Figures.Trend,
        Figures.ReportZone,
        TrendSection.TargetOf(measure, TargetMonth(measure), tierMix, Figures.Unit),
        note);

    protected BreakdownSection ByTier(QualityMeasure measure, BreakdownChart chart = BreakdownChart.Bullets, string? lead = null) => new(
        "By tier", lead, measure, Figures.ByTier, g => ReportText.Title(g.Key), "tier", chart);

    protected BreakdownSection ByChannel(QualityMeasure measure, string? lead = null) => new(
        "By channel", lead, measure, Figures.ByChannel, g => ReportText.Channel(g.Key), "channel", BreakdownChart.Bullets);
}
