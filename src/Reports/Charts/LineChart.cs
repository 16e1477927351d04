using ScottPlot;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>Input of a <see cref="LineChart"/>: actual series over time, an optional forecast with its intervals, a target.</summary>
/// <param name="ValueAxisLabel">Names the vertical axis, e.g. "Tickets per day".</param>
/// <param name="Zone">Dates are placed and printed in this zone.</param>
/// <param name="Minimum">Lowest value on the axis; null fits the data (from zero for counts).</param>
/// <param name="Maximum">Highest value on the axis; null fits the data.</param>
public sealed record LineChartData(
    string Title,
    string ValueAxisLabel,
    ValueFormat Format,
    ReportingZone Zone,
    IReadOnlyList<TimeSeries> Series,
    TimeSeries? Forecast = null,
    IReadOnlyList<ForecastBand>? Bands = null,
    TargetLine? Target = null,
    double? Minimum = null,
    double? Maximum = null);

/// <summary>Lines over time with a dashed forecast inside shaded intervals (narrower = darker) and a dashed target line.</summary>
public sealed class LineChart(LineChartData data) : Figure
{
    public override string Title => data.Title;

    private protected override IReadOnlyList<ChartValue> CollectValues()
    {
        var values = new List<ChartValue>();
        foreach (var series in data.Series)
        {
            values.AddRange(series.Points.Select(p => Value(series.Name, p)));
        }

        if (data.Forecast is { } forecast)
        {
            values.AddRange(forecast.Points.Select(p => Value(forecast.Name, p)));
        }

        foreach (var band in data.Bands ?? [])
        {
            values.AddRange(band.Points.Select(p => new ChartValue(
                band.Name,
                DateLabel(data.Zone.ToLocal(p.At)),
                null,
                data.Format.Format(p.Low) + " – " + data.Format.Format(p.High),
                p.Low,
                p.High)));
        }

        return values;
    }

    private ChartValue Value(string series, TimeValue point)
    {
        var display = data.Format.Format(point.Value);
        var band = (data.Bands ?? []).OrderBy(b => b.Level).Select(b => (b, p: b.Points.FirstOrDefault(x => x.At == point.At))).FirstOrDefault(x => x.p is not null);
        if (series == data.Forecast?.Name && band.p is { } interval)
        {
            display += $" ({band.b.Name}: {data.Format.Format(interval.Low)} – {data.Format.Format(interval.High)})";
        }

        return new ChartValue(series, DateLabel(data.Zone.ToLocal(point.At)), point.Value, display);
    }

    private protected override BuiltChart Build(ReportTheme theme, float width, float height)
    {
        var plot = ChartStyle.NewPlot(theme);
        var marks = new List<ValueMark>();
        var values = Values;
        var index = 0;

        var forecastColor = theme.SeriesColor(0);
        foreach (var band in (data.Bands ?? []).OrderByDescending(b => b.Level))
        {
            var narrowest = band.Level <= (data.Bands ?? []).Min(b => b.Level);
            var fill = plot.Add.FillY(
                band.Points.Select(p => TimeAxis.X(data.Zone.ToLocal(p.At))).ToArray(),
                band.Points.Select(p => p.Low).ToArray(),
                band.Points.Select(p => p.High).ToArray());
            fill.FillColor = forecastColor.ToPlot(narrowest ? theme.Band80Alpha : theme.Band95Alpha);
            fill.LineWidth = 0;
            fill.LegendText = band.Name;
        }

        for (var s = 0; s < data.Series.Count; s++)
        {
            index = AddSeries(plot, theme, data.Series[s], theme.SeriesColor(s), LinePattern.Solid, values, index, marks);
        }

        if (data.Forecast is { } forecast)
        {
            index = AddSeries(plot, theme, forecast, forecastColor, LinePattern.Dashed, values, index, marks);
        }

        if (data.Target is { } target)
        {
            ChartStyle.TargetLine(plot, theme, target);
        }

        var locals = data.Series.Concat(data.Forecast is null ? [] : [data.Forecast])
            .SelectMany(s => s.Points.Select(p => data.Zone.ToLocal(p.At)))
            .Concat((data.Bands ?? []).SelectMany(b => b.Points.Select(p => data.Zone.ToLocal(p.At))))
            .ToList();
        if (locals.Count > 0)
        {
            var first = locals.Min();
            var last = locals.Max();
            var pad = Math.Max((last - first).TotalDays * 0.02, 0.5);
            plot.Axes.SetLimitsX(TimeAxis.X(first) - pad, TimeAxis.X(last) + pad);
            TimeAxis.Apply(plot.Axes.Bottom, first, last, width - 60, theme);
        }

        LimitY(plot);
        ChartStyle.NumericTicks(plot.Axes.Left, data.Format);
        plot.Axes.Left.Label.Text = data.ValueAxisLabel;
        plot.Axes.Bottom.Label.Text = "Date (" + data.Zone.Id + ")";
        plot.Grid.XAxisStyle.IsVisible = false;
        ChartStyle.LegendBelow(plot, theme, width);
        return new BuiltChart(plot, marks);
    }

    private int AddSeries(Plot plot, ReportTheme theme, TimeSeries series, SkiaSharp.SKColor color, LinePattern pattern, IReadOnlyList<ChartValue> values, int index, List<ValueMark> marks)
    {
        // Unmeasured points break the line instead of pulling it to zero.
        var named = false;
        foreach (var run in Runs(series.Points))
        {
            var xs = run.Select(p => TimeAxis.X(data.Zone.ToLocal(p.At))).ToArray();
            var ys = run.Select(p => p.Value!.Value).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, color.ToPlot());
            line.LineWidth = theme.SeriesLineWidth;
            line.LinePattern = pattern;
            line.MarkerSize = run.Count == 1 ? 4 : 0;
            if (!named)
            {
                line.LegendText = series.Name;
                named = true;
            }
        }

        foreach (var point in series.Points)
        {
            if (point.Value is { } v)
            {
                marks.Add(new ValueMark(values[index], new Coordinates(TimeAxis.X(data.Zone.ToLocal(point.At)), v), null));
            }

            index++;
        }

        return index;
    }

    private static IEnumerable<List<TimeValue>> Runs(IReadOnlyList<TimeValue> points)
    {
        var run = new List<TimeValue>();
        foreach (var point in points)
        {
            if (point.Value is { } v && double.IsFinite(v))
            {
                run.Add(point);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private void LimitY(Plot plot)
    {
        var ys = data.Series.Concat(data.Forecast is null ? [] : [data.Forecast])
            .SelectMany(s => s.Points).Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => p.Value!.Value)
            .Concat((data.Bands ?? []).SelectMany(b => b.Points.SelectMany(p => new[] { p.Low, p.High })))
            .Concat(data.Target is null ? [] : [data.Target.Value])
            .ToList();
        if (ys.Count == 0)
        {
            plot.Axes.SetLimitsY(data.Minimum ?? 0, data.Maximum ?? 1);
            return;
        }

        var low = data.Minimum ?? (!data.Format.Signed && data.Format.Suffix.Length == 0 && ys.Min() >= 0 ? 0 : ys.Min());
        var high = data.Maximum ?? ys.Max();
        var pad = (high - low) * 0.06;
        if (pad == 0)
        {
            pad = Math.Max(Math.Abs(high) * 0.1, 1);
        }

        plot.Axes.SetLimitsY(data.Minimum ?? low - (low == 0 ? 0 : pad), data.Maximum ?? high + pad);
    }
}
