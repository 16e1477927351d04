using ScottPlot;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>Input of a <see cref="Sparkline"/>: a short run of values, oldest first, and an optional target.</summary>
public sealed record SparklineData(string Title, IReadOnlyList<LabelledValue> Points, ValueFormat Format, TargetLine? Target = null);

/// <summary>A word-sized line without axes: the trend at a glance, the latest value dotted, the target dashed.</summary>
public sealed class Sparkline(SparklineData data) : Figure
{
    public override string Title => data.Title;

    internal override float PreferredAspect(ReportTheme theme) => 0.2f;

    private protected override IReadOnlyList<ChartValue> CollectValues() =>
        data.Points.Select(p => new ChartValue(data.Title, p.Label, p.Value, data.Format.Format(p.Value), Target: data.Target?.Value)).ToList();

    private protected override BuiltChart Build(ReportTheme theme, float width, float height)
    {
        var plot = ChartStyle.NewPlot(theme);
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();
        var values = Values;
        var marks = new List<ValueMark>();
        var color = theme.SeriesColor(0).ToPlot();

        var run = new List<Coordinates>();
        void Flush()
        {
            if (run.Count > 1)
            {
                var line = plot.Add.ScatterLine(run.ToArray(), color);
                line.LineWidth = theme.SeriesLineWidth * 0.8f;
            }

            run = [];
        }

        for (var i = 0; i < data.Points.Count; i++)
        {
            if (data.Points[i].Value is { } v && double.IsFinite(v))
            {
                run.Add(new Coordinates(i, v));
                marks.Add(new ValueMark(values[i], new Coordinates(i, v), null));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        if (data.Target is { } target)
        {
            var line = plot.Add.HorizontalLine(target.Value, theme.TargetLineWidth * 0.7f, theme.TargetLine.ToPlot(), LinePattern.Dotted);
            line.LegendText = "";
        }

        if (marks.LastOrDefault() is { Point: { } last })
        {
            var dot = plot.Add.Marker(last, MarkerShape.FilledCircle, 3.2f, color);
            dot.LegendText = "";
        }

        var ys = marks.Select(m => m.Point!.Value.Y).Concat(data.Target is null ? [] : [data.Target.Value]).ToList();
        var low = ys.DefaultIfEmpty(0).Min();
        var high = ys.DefaultIfEmpty(1).Max();
        var pad = high > low ? (high - low) * 0.15 : Math.Max(Math.Abs(high) * 0.1, 1);
        plot.Axes.SetLimits(-0.3, Math.Max(data.Points.Count - 1, 1) + 0.3, low - pad, high + pad);
        return new BuiltChart(plot, marks);
    }
}
