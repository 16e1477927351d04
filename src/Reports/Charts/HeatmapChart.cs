using System.Globalization;
using ScottPlot;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>A value for one hour of one weekday, in the reporting time zone; null when nothing was measured.</summary>
public sealed record HeatCell(DayOfWeek Day, int Hour, double? Value);

/// <summary>Input of a <see cref="HeatmapChart"/>: values by weekday (rows) and hour of day (columns).</summary>
public sealed record HeatmapChartData(
    string Title,
    string ValueLabel,
    ValueFormat Format,
    ReportingZone Zone,
    IReadOnlyList<HeatCell> Cells,
    DayOfWeek FirstDay = DayOfWeek.Monday);

/// <summary>
/// Hour × weekday heatmap. Cells are vector rectangles (crisp at any zoom, one hover target each) on a
/// light-to-dark scale that reads in grey; a cell without data is left white and struck through, never shown as zero.
/// </summary>
public sealed class HeatmapChart(HeatmapChartData data) : Figure
{
    private const double KeyLeft = 24.5;
    private const double KeyWidth = 0.45;
    private const double KeyRight = 26.6;

    public override string Title => data.Title;

    internal override float PreferredAspect(ReportTheme theme) => 0.36f;

    private IReadOnlyList<DayOfWeek> Days => Enumerable.Range(0, 7).Select(i => (DayOfWeek)(((int)data.FirstDay + i) % 7)).ToList();

    private protected override IReadOnlyList<ChartValue> CollectValues()
    {
        foreach (var cell in data.Cells.Where(c => c.Hour is < 0 or > 23))
        {
            throw new ArgumentException($"heatmap '{data.Title}': hour {cell.Hour} on {cell.Day} is outside 0..23");
        }

        var byCell = data.Cells.GroupBy(c => (c.Day, c.Hour)).ToDictionary(g => g.Key, g => g.Last().Value);
        return Days.SelectMany(day => Enumerable.Range(0, 24).Select(hour =>
        {
            var value = byCell.GetValueOrDefault((day, hour));
            return new ChartValue(data.ValueLabel, DayName(day) + " " + hour.ToString("00", CultureInfo.InvariantCulture) + ":00", value, data.Format.Format(value));
        })).ToList();
    }

    private protected override BuiltChart Build(ReportTheme theme, float width, float height)
    {
        var plot = ChartStyle.NewPlot(theme);
        var values = Values;
        var marks = new List<ValueMark>();
        var measured = values.Where(v => v.Value is { } x && double.IsFinite(x)).Select(v => v.Value!.Value).ToList();
        var scale = new ColorScale(theme, measured.Count == 0 ? 0 : Math.Min(0, measured.Min()), measured.Count == 0 ? 1 : measured.Max());

        for (var d = 0; d < 7; d++)
        {
            var y = 6 - d;
            for (var hour = 0; hour < 24; hour++)
            {
                var value = values[d * 24 + hour];
                var cell = plot.Add.Rectangle(hour, hour + 1, y, y + 1);
                cell.LineColor = theme.ChartCellBorder.ToPlot();
                cell.LineWidth = 0.8f;
                if (value.Value is { } v && double.IsFinite(v))
                {
                    cell.FillColor = scale.Colormap.GetColor(v, scale.GetRange());
                }
                else
                {
                    // No data is not zero: an empty cell struck through.
                    cell.FillColor = Colors.White;
                    var strike = plot.Add.Line(hour + 0.15, y + 0.15, hour + 0.85, y + 0.85);
                    strike.LineColor = theme.ChartNoData.ToPlot();
                    strike.LineWidth = 1;
                }

                marks.Add(new ValueMark(value, null, new CoordinateRect(hour, hour + 1, y, y + 1)));
            }
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, 7).Select(d => 6 - d + 0.5).ToArray(),
            Days.Select(DayName).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, 8).Select(i => i * 3 + 0.5).ToArray(),
            Enumerable.Range(0, 8).Select(i => (i * 3).ToString("00", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.Label.Text = "Hour of day (" + data.Zone.Id + ")";
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.Bottom.FrameLineStyle.Width = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(0, KeyRight, 0, 7);

        AddColorKey(plot, theme, scale);
        return new BuiltChart(plot, marks);
    }

    /// <summary>
    /// The colour key, drawn as vector steps right of the grid in the plot's own coordinates (ScottPlot's
    /// colour bar is a bitmap, which would be the one raster on the page).
    /// </summary>
    private void AddColorKey(Plot plot, ReportTheme theme, ColorScale scale)
    {
        const int steps = 40;
        var range = scale.GetRange();
        for (var i = 0; i < steps; i++)
        {
            var step = plot.Add.Rectangle(KeyLeft, KeyLeft + KeyWidth, 7.0 * i / steps, 7.0 * (i + 1) / steps);
            step.FillColor = scale.Colormap.GetColor((i + 0.5) / steps);
            step.LineWidth = 0;
        }

        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var value = range.Min + fraction * (range.Max - range.Min);
            var label = plot.Add.Text(data.Format.FormatTick(Math.Round(value, data.Format.Decimals)), KeyLeft + KeyWidth + 0.15, 7 * fraction);
            label.LabelStyle.FontSize = theme.ChartTickSize;
            label.LabelStyle.FontName = ReportFonts.Family;
            label.LabelStyle.ForeColor = theme.ChartText.ToPlot();
            label.LabelStyle.Alignment = fraction switch
            {
                0 => Alignment.LowerLeft,
                1 => Alignment.UpperLeft,
                _ => Alignment.MiddleLeft,
            };
        }
    }

    private static string DayName(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    /// <summary>The theme's heat scale, interpolated smoothly between its stops.</summary>
    private sealed class ThemeColormap(IReadOnlyList<SkiaSharp.SKColor> stops) : IColormap
    {
        public string Name => "SupportLens heat scale";

        public Color GetColor(double position)
        {
            if (!double.IsFinite(position))
            {
                return Colors.White;
            }

            var scaled = Math.Clamp(position, 0, 1) * (stops.Count - 1);
            var i = Math.Min((int)scaled, stops.Count - 2);
            var t = scaled - i;
            var (a, b) = (stops[i], stops[i + 1]);
            return new Color(Mix(a.Red, b.Red, t), Mix(a.Green, b.Green, t), Mix(a.Blue, b.Blue, t));
        }

        private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);
    }

    /// <summary>The colour axis of the heatmap, for ScottPlot's colour bar.</summary>
    private sealed class ColorScale(ReportTheme theme, double min, double max) : IHasColorAxis
    {
        public IColormap Colormap { get; set; } = new ThemeColormap(theme.HeatScale);

        public ScottPlot.Range GetRange() => new(min, max > min ? max : min + 1);
    }
}
