using ScottPlot;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>Input of a <see cref="BarChart"/> or <see cref="StackedBarChart"/>: series over categories, an optional target.</summary>
/// <param name="Horizontal">Bars grow to the right, categories down the side: better for many or long labels.</param>
/// <param name="Maximum">The end of the value axis (100 for shares that stack to 100 %); null fits the data with headroom.</param>
public sealed record BarChartData(
    string Title,
    string ValueAxisLabel,
    ValueFormat Format,
    IReadOnlyList<CategorySeries> Series,
    TargetLine? Target = null,
    bool Horizontal = false,
    double? Maximum = null);

/// <summary>Bars per category; several series stand side by side. A single series prints each value on its bar.</summary>
public sealed class BarChart(BarChartData data) : CategoryBarFigure(data, stacked: false);

/// <summary>Bars per category with the series stacked on each other (e.g. tickets by channel per month).</summary>
public sealed class StackedBarChart(BarChartData data) : CategoryBarFigure(data, stacked: true);

/// <summary>What grouped and stacked bars share: categories in order of first appearance, axes, target, values.</summary>
public abstract class CategoryBarFigure : Figure
{
    private const double SlotWidth = 0.78;
    private readonly BarChartData data;
    private readonly bool stacked;

    private protected CategoryBarFigure(BarChartData data, bool stacked)
    {
        this.data = data;
        this.stacked = stacked;
    }

    public override string Title => data.Title;

    private IReadOnlyList<string> Categories => data.Series.SelectMany(s => s.Values.Select(v => v.Label)).Distinct().ToList();

    internal override float PreferredAspect(ReportTheme theme) =>
        data.Horizontal ? Math.Clamp(0.12f + 0.06f * Categories.Count, theme.ChartAspect * 0.6f, 1.2f) : theme.ChartAspect;

    private protected override IReadOnlyList<ChartValue> CollectValues() =>
        data.Series.SelectMany(s => s.Values.Select(v => new ChartValue(s.Name, v.Label, v.Value, data.Format.Format(v.Value), Target: data.Target?.Value))).ToList();

    private protected override BuiltChart Build(ReportTheme theme, float width, float height)
    {
        var plot = ChartStyle.NewPlot(theme);
        var categories = Categories;
        var position = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (double)(data.Horizontal ? categories.Count - 1 - x.i : x.i));
        var marks = new List<ValueMark>();
        var values = Values;
        var index = 0;
        var positiveBase = new double[categories.Count];
        var negativeBase = new double[categories.Count];
        var single = data.Series.Count == 1;
        var barSize = stacked || single ? SlotWidth : SlotWidth / data.Series.Count;
        var (bottom, top) = ValueLimits();
        var valueExtent = data.Horizontal ? width - 90 : height - 60;
        using var labelFont = new SkiaSharp.SKFont(ReportFonts.Typeface(FontFace.Regular), theme.ChartValueLabelSize);

        for (var s = 0; s < data.Series.Count; s++)
        {
            var bars = new List<Bar>();
            var labelledInside = new List<Bar>();
            foreach (var point in data.Series[s].Values)
            {
                var slot = position[point.Label];
                var category = IndexOf(categories, point.Label);
                if (point.Value is { } v && double.IsFinite(v))
                {
                    var center = stacked || single ? slot : slot - SlotWidth / 2 + barSize * (s + 0.5);
                    var baseValue = stacked ? (v >= 0 ? positiveBase[category] : negativeBase[category]) : 0;
                    if (stacked)
                    {
                        if (v >= 0)
                        {
                            positiveBase[category] += v;
                        }
                        else
                        {
                            negativeBase[category] += v;
                        }
                    }

                    var bar = new Bar
                    {
                        Position = center,
                        Value = baseValue + v,
                        ValueBase = baseValue,
                        Size = barSize,
                        FillColor = (data.Series[s].Color ?? theme.SeriesColor(s)).ToPlot(),
                        LineWidth = 0,
                        Label = single && !stacked ? data.Format.Format(v) : "",
                    };

                    // A printed value goes inside its bar (light on dark) when the bar has room for it, above it otherwise.
                    var length = Math.Abs(v) / (top - bottom) * valueExtent;
                    var room = data.Horizontal ? labelFont.MeasureText(bar.Label) + 8 : theme.ChartValueLabelSize * 2.2;
                    if (bar.Label.Length > 0 && length >= room)
                    {
                        bar.CenterLabel = true;
                        labelledInside.Add(bar);
                    }
                    else
                    {
                        bars.Add(bar);
                    }

                    var low = Math.Min(baseValue, baseValue + v);
                    var high = Math.Max(baseValue, baseValue + v);
                    var area = data.Horizontal
                        ? new CoordinateRect(low, high, center - barSize / 2, center + barSize / 2)
                        : new CoordinateRect(center - barSize / 2, center + barSize / 2, low, high);
                    marks.Add(new ValueMark(values[index], null, area));
                }

                index++;
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = data.Horizontal;
            plottable.LegendText = data.Series[s].Name;
            LabelStyle(plottable, theme, theme.ChartText);
            if (labelledInside.Count > 0)
            {
                var inside = plot.Add.Bars(labelledInside);
                inside.Horizontal = data.Horizontal;
                LabelStyle(inside, theme, SkiaSharp.SKColors.White);
                if (bars.Count == 0)
                {
                    inside.LegendText = data.Series[s].Name;
                    plottable.LegendText = "";
                }
            }
        }

        if (data.Target is { } target)
        {
            ChartStyle.TargetLine(plot, theme, target, vertical: data.Horizontal);
        }

        IAxis categoryAxis = data.Horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        IAxis valueAxis = data.Horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            categories.Select(c => position[c]).ToArray(), categories.ToArray());
        categoryAxis.MajorTickStyle.Length = 0;
        ChartStyle.NumericTicks(valueAxis, data.Format);
        valueAxis.Label.Text = data.ValueAxisLabel;
        if (data.Horizontal)
        {
            plot.Grid.YAxisStyle.IsVisible = false;
        }
        else
        {
            plot.Grid.XAxisStyle.IsVisible = false;
            CategoryLabels.FitBelow(plot, theme, categories, categories.Select(c => position[c]).ToArray(), width);
        }

        if (data.Horizontal)
        {
            plot.Axes.SetLimitsX(bottom, top);
        }
        else
        {
            plot.Axes.SetLimitsY(bottom, top);
        }

        var slots = Math.Max(categories.Count, 1);
        if (data.Horizontal)
        {
            plot.Axes.SetLimitsY(-0.6, slots - 0.4);
        }
        else
        {
            plot.Axes.SetLimitsX(-0.6, slots - 0.4);
        }

        ChartStyle.LegendBelow(plot, theme, width);
        return new BuiltChart(plot, marks);
    }

    private static void LabelStyle(ScottPlot.Plottables.BarPlot bars, ReportTheme theme, SkiaSharp.SKColor color)
    {
        bars.ValueLabelStyle.FontSize = theme.ChartValueLabelSize;
        bars.ValueLabelStyle.FontName = ReportFonts.Family;
        bars.ValueLabelStyle.ForeColor = color.ToPlot();
    }

    /// <summary>The value axis: from zero (bars always start there), with headroom for printed values and the target.</summary>
    private (double Bottom, double Top) ValueLimits()
    {
        var categories = Categories;
        var positive = new double[categories.Count];
        var negative = new double[categories.Count];
        var numbers = new List<double>();
        foreach (var point in data.Series.SelectMany(s => s.Values))
        {
            if (point.Value is { } v && double.IsFinite(v))
            {
                numbers.Add(v);
                var c = IndexOf(categories, point.Label);
                if (v >= 0)
                {
                    positive[c] += v;
                }
                else
                {
                    negative[c] += v;
                }
            }
        }

        var high = stacked ? positive.DefaultIfEmpty(0).Max() : numbers.DefaultIfEmpty(0).Max();
        var low = stacked ? negative.DefaultIfEmpty(0).Min() : numbers.DefaultIfEmpty(0).Min();
        high = Math.Max(Math.Max(high, 0), data.Target?.Value ?? 0);
        low = Math.Min(Math.Min(low, 0), data.Target?.Value ?? 0);
        var span = high - low;
        if (span <= 0)
        {
            span = 1;
        }

        return (low < 0 ? low - span * 0.1 : 0, data.Maximum ?? high + span * 0.12);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }
}
