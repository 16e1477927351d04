using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>KPI tiles under a heading: each figure against its target, the change since last month, the year's trend.</summary>
internal sealed class ScorecardSection(string heading, string? lead, IReadOnlyList<KpiTile> tiles, int perRow = 4) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading(heading);
        if (lead is not null)
        {
            column.Lead(lead);
        }
        column.KpiTiles(tiles, perRow);
    }

    /// <summary>
    /// The tile of a measure for the month: value and verdict from the month's metrics, change against the month
    /// before, and the twelve months' values as a sparkline.
    /// </summary>
    public static KpiTile Tile(QualityMeasure measure, PeriodFigures figures, string? label = null) =>
        Tile(measure, figures.All, figures.Previous, figures.Trend, figures.PreviousLabel, label);

    /// <summary>
    /// A tile from any group's metrics (a tier, a client), with its own previous month and trend. With a trend, the change
    /// is against the latest earlier month that measured the figure (a quarterly survey compares with the last quarter's
    /// month, named on the tile).
    /// </summary>
    public static KpiTile Tile(
        QualityMeasure measure, QualityMetrics? current, QualityMetrics? previous, IReadOnlyList<TrendStep>? trend, string previousLabel, string? label = null)
    {
        if (trend is { Count: > 1 } && measure.ValueOf(previous) is null
            && trend.Take(trend.Count - 1).LastOrDefault(t => measure.ValueOf(t.Metrics) is not null) is { } earlier)
        {
            previous = earlier.Metrics;
            previousLabel = earlier.Span.ShortLabel;
        }

        return new(
            label ?? measure.Name,
            measure.ValueOf(current),
            measure.Format,
            measure.KpiTarget(current),
            measure.ValueOf(previous),
            previousLabel,
            Sparse(trend?.Select(t => measure.ValueOf(t.Metrics)).ToList()),
            measure.Check(current) is { Actual: not null } ? measure.Shown(current) : null);
    }

    /// <summary>
    /// The sparkline's values, or none when fewer than half the months measured the figure (quarterly surveys): a few
    /// dots far apart read as noise at the size of a tile, and the trend chart shows them properly.
    /// </summary>
    private static IReadOnlyList<double?>? Sparse(IReadOnlyList<double?>? values) =>
        values is null || values.Count(v => v is not null) * 2 < values.Count ? null : values;

    /// <summary>A count without a target (tickets, answers), against the month before.</summary>
    public static KpiTile CountTile(string label, long? value, long? previous, string previousLabel, IReadOnlyList<double?>? trend = null) =>
        new(label, value, ValueFormat.Count, null, previous, previousLabel, trend);
}
