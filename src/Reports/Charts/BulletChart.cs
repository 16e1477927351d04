using ScottPlot;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>One bullet: a measured value against its target, over qualitative ranges.</summary>
/// <param name="Ranges">Thresholds between the qualitative ranges, ascending (e.g. 85, 95); null draws one range.</param>
/// <param name="Display">The value as printed when the format's rounding would contradict the verdict (94.97 against 95); null uses the format.</param>
public sealed record BulletItem(string Label, double? Value, double Target, IReadOnlyList<double>? Ranges = null, string? Display = null)
{
    internal string Shown(ValueFormat format) => Value is null ? ValueFormat.NotMeasured : Display ?? format.Format(Value);
}

/// <summary>Input of a <see cref="BulletChart"/>: one bullet per row on a shared scale.</summary>
/// <param name="HigherIsBetter">Darker ranges mark the worse end: low values when true.</param>
public sealed record BulletChartData(
    string Title,
    ValueFormat Format,
    IReadOnlyList<BulletItem> Items,
    double Minimum,
    double Maximum,
    bool HigherIsBetter = true);

/// <summary>
/// Bullet graphs (Stephen Few): a dark bar for the value, a thick tick for the target, grey ranges behind.
/// A row with no data says "not measured" instead of drawing an empty bar.
/// </summary>
public sealed class BulletChart(BulletChartData data) : Figure
{
    private const double RangeHeight = 0.7;
    private const double BarHeight = 0.28;
    private const double TargetHeight = 0.5;

    public override string Title => data.Title;

    internal override float PreferredAspect(ReportTheme theme) => Math.Clamp(0.09f + 0.075f * data.Items.Count, 0.16f, 1.2f);

    private protected override IReadOnlyList<ChartValue> CollectValues() =>
        data.Items.Select(i => new ChartValue(data.Title, i.Label, i.Value, i.Shown(data.Format), Target: i.Target)).ToList();

    private protected override BuiltChart Build(ReportTheme theme, float width, float height)
    {
        if (data.Maximum <= data.Minimum)
        {
            throw new ArgumentException($"bullet chart '{data.Title}': maximum {data.Maximum} is not above minimum {data.Minimum}");
        }

        var plot = ChartStyle.NewPlot(theme);
        var marks = new List<ValueMark>();
        var values = Values;
        var count = data.Items.Count;
        var span = data.Maximum - data.Minimum;

        for (var i = 0; i < count; i++)
        {
            var item = data.Items[i];
            var y = count - 1 - i;
            var edges = new[] { data.Minimum }
                .Concat((item.Ranges ?? []).Where(r => r > data.Minimum && r < data.Maximum).Order())
                .Append(data.Maximum)
                .ToArray();
            for (var r = 0; r < edges.Length - 1; r++)
            {
                // Worst range darkest: from the bottom when higher is better, from the top otherwise.
                var ranges = edges.Length - 1;
                var worstFirst = data.HigherIsBetter ? r : ranges - 1 - r;
                var greys = theme.BulletRanges;
                var shade = ranges <= greys.Count ? worstFirst + greys.Count - ranges : Math.Min(worstFirst, greys.Count - 1);
                var range = plot.Add.Rectangle(edges[r], edges[r + 1], y - RangeHeight / 2, y + RangeHeight / 2);
                range.FillColor = greys[shade].ToPlot();
                range.LineWidth = 0;
            }

            if (item.Value is { } v && double.IsFinite(v))
            {
                var end = Math.Clamp(v, data.Minimum, data.Maximum);
                var bar = plot.Add.Rectangle(data.Minimum, end, y - BarHeight / 2, y + BarHeight / 2);
                bar.FillColor = theme.SeriesColor(0).ToPlot();
                bar.LineWidth = 0;
                marks.Add(new ValueMark(values[i], null, new CoordinateRect(data.Minimum, end, y - RangeHeight / 2, y + RangeHeight / 2)));
            }
            else
            {
                var label = plot.Add.Text("not measured", data.Minimum + span * 0.01, y);
                Label(label, theme, theme.MutedInk);
                marks.Add(new ValueMark(values[i], null, new CoordinateRect(data.Minimum, data.Maximum, y - RangeHeight / 2, y + RangeHeight / 2)));
            }

            var halo = plot.Add.Line(item.Target, y - TargetHeight / 2, item.Target, y + TargetHeight / 2);
            halo.LineColor = theme.TargetHalo.ToPlot();
            halo.LineWidth = theme.TargetLineWidth * 1.8f + theme.TargetHaloWidth;
            var target = plot.Add.Line(item.Target, y - TargetHeight / 2, item.Target, y + TargetHeight / 2);
            target.LineColor = theme.TargetLine.ToPlot();
            target.LineWidth = theme.TargetLineWidth * 1.8f;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, count).Select(i => (double)(count - 1 - i)).ToArray(),
            data.Items.Select(i => i.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;

        // Values in a column on the right, clear of the bars and the target ticks.
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, count).Select(i => (double)(count - 1 - i)).ToArray(),
            data.Items.Select(i => i.Shown(data.Format)).ToArray());
        plot.Axes.Right.TickLabelStyle.FontSize = theme.ChartTickSize;
        plot.Axes.Right.TickLabelStyle.Bold = true;
        plot.Axes.Right.TickLabelStyle.ForeColor = theme.Ink.ToPlot();
        plot.Axes.SetLimitsY(-0.5, Math.Max(count, 1) - 0.5, plot.Axes.Right);
        ChartStyle.NumericTicks(plot.Axes.Bottom, data.Format);
        plot.Axes.SetLimits(data.Minimum, data.Maximum, -0.5, Math.Max(count, 1) - 0.5);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.IsVisible = false;

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Measured", FillColor = theme.SeriesColor(0).ToPlot() });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Target", LineColor = theme.TargetLine.ToPlot(), LineWidth = theme.TargetLineWidth * 1.8f });
        ChartStyle.LegendBelow(plot, theme, width);
        return new BuiltChart(plot, marks);
    }

    private static void Label(ScottPlot.Plottables.Text label, ReportTheme theme, SkiaSharp.SKColor color)
    {
        label.LabelStyle.FontSize = theme.ChartValueLabelSize;
        label.LabelStyle.FontName = ReportFonts.Family;
        label.LabelStyle.ForeColor = color.ToPlot();
        label.LabelStyle.Alignment = Alignment.MiddleLeft;
    }
}
