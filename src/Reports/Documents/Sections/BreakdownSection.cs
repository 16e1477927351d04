using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>How a breakdown draws its groups: bullets against each group's own target, bars, or no chart.</summary>
internal enum BreakdownChart
{
    None,
    Bullets,
    Bars,
}

/// <summary>
/// One measure split by a dimension (tier, channel, priority): a chart of the groups that measured it, then a table of
/// every group with its evidence, figure, 95 % interval, target and verdict.
/// </summary>
internal sealed class BreakdownSection(
    string heading,
    string? lead,
    QualityMeasure measure,
    IReadOnlyList<QualityMetrics> groups,
    Func<QualityMetrics, string> label,
    string dimension,
    BreakdownChart chart,
    string? missing = null,
    bool table = true,
    float? chartHeight = null) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading(heading, 2);
        if (lead is not null)
        {
            column.Lead(lead);
        }

        // Rows without a group (NPS has no channel) are listed only when they carry evidence for this measure.
        var shown = groups.Where(g => g.Key != "(none)" || measure.Evidence(g) > 0).ToList();
        var measured = shown.Where(g => measure.ValueOf(g) is not null).ToList();
        if (measured.Count == 0)
        {
            column.NoData(missing ?? $"No {measure.Name} by {dimension}: {measure.Missing}.");
            return;
        }

        if (chart == BreakdownChart.Bullets && measured.All(g => measure.Check(g) is not null))
        {
            column.Chart(Bullets(measured), chartHeight);
        }
        else if (chart != BreakdownChart.None)
        {
            column.Chart(Bars(measured), chartHeight);
        }

        if (!table)
        {
            return;
        }

        column.Table(t =>
        {
            t.Column(ReportText.Title(dimension), 1.6f);
            measure.Columns(t);
            t.Rows(shown, g => [label(g), .. measure.Cells(g)]);
        });
    }

    private BulletChart Bullets(IReadOnlyList<QualityMetrics> measured)
    {
        var items = measured.Select(g =>
        {
            var check = measure.Check(g)!;
            return new BulletItem(label(g), measure.ValueOf(g), check.Target, [check.Target - 10, check.Target], measure.Shown(g));
        }).ToList();
        var (low, high) = Scale(items.SelectMany(i => new[] { i.Value ?? i.Target, i.Target - 10 }));
        var higherIsBetter = measured.All(g => measure.Direction(g) != TargetDirection.Below);
        return new BulletChart(new BulletChartData($"{measure.Name} by {dimension}, against each {dimension}'s target", measure.Format, items, low, high, higherIsBetter));
    }

    private BarChart Bars(IReadOnlyList<QualityMetrics> measured)
    {
        var targets = measured.Select(g => measure.Check(g)?.Target).Distinct().ToList();
        // One target line only when every group shares it (SLA, NPS); tier-weighted targets differ by group.
        var target = targets is [{ } shared] ? new TargetLine(shared, "Target " + ReportText.Target(measure.Check(measured[0])!, measure.Format)) : null;
        return new BarChart(new BarChartData(
            $"{measure.Name} by {dimension}",
            measure.Name,
            measure.Format,
            [new CategorySeries(measure.Name, [.. measured.Select(g => new LabelledValue(label(g), measure.ValueOf(g)))])],
            target,
            Horizontal: measured.Count > 6));
    }

    /// <summary>A percent scale from a round number under the lowest value or range to 100.</summary>
    private (double Low, double High) Scale(IEnumerable<double> values)
    {
        var lowest = values.DefaultIfEmpty(0).Min();
        var high = measure.Format.Suffix.Contains('%') ? 100 : Math.Ceiling(values.DefaultIfEmpty(100).Max() / 10) * 10;
        var low = Math.Max(measure.Format.Suffix.Contains('%') ? 0 : -100, Math.Floor((lowest - 2) / 5) * 5);
        return (low, high > low ? high : low + 10);
    }
}
