using ScottPlot;
using SkiaSharp;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>Applies the theme to a plot: font, sizes, axis and grid colours, legend, transparent background.</summary>
internal static class ChartStyle
{
    /// <summary>Room the vertical axis and its labels take beside the data area, in points.</summary>
    private const float LegendSideAllowance = 60;

    public static Plot NewPlot(ReportTheme theme)
    {
        ReportFonts.EnsureChartFonts();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;

        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = theme.ChartTickSize;
            axis.TickLabelStyle.ForeColor = theme.ChartText.ToPlot();
            axis.Label.FontSize = theme.ChartAxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = theme.ChartText.ToPlot();
            axis.MajorTickStyle.Length = 3;
            axis.MajorTickStyle.Color = theme.ChartAxis.ToPlot();
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = theme.ChartAxis.ToPlot();
            axis.FrameLineStyle.Width = 0.8f;
        }

        foreach (var axis in new IAxis[] { plot.Axes.Top, plot.Axes.Right })
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        plot.Grid.MajorLineColor = theme.ChartGrid.ToPlot();
        plot.Grid.MajorLineWidth = 0.6f;

        plot.Legend.FontName = ReportFonts.Family;
        plot.Legend.FontSize = theme.ChartLegendSize;
        plot.Legend.FontColor = theme.ChartText.ToPlot();
        plot.Legend.OutlineWidth = 0;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    /// <summary>A legend under the plot, its items in rows, when there is more than one thing to name.</summary>
    public static void LegendBelow(Plot plot, ReportTheme theme, float width)
    {
        var labels = plot.GetPlottables().SelectMany(p => p.LegendItems).Concat(plot.Legend.ManualItems)
            .Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToList();
        if (labels.Count < 2)
        {
            // One series needs no key: its name is the chart's title and axis (ScottPlot would draw it over the data).
            plot.HideLegend();
            return;
        }

        var legend = plot.Legend;
        legend.TightHorizontalWrapping = true;
        legend.Margin = new PixelPadding(0);
        legend.Padding = new PixelPadding(2);
        var panel = plot.ShowLegend(Edge.Bottom);
        panel.Alignment = Alignment.UpperCenter;

        // ScottPlot sizes the legend panel for one row and clips the rows its layout wraps to, so
        // reserve the extra rows here, wrapped the same way: greedily, each item as wide as its label.
        using var font = new SKFont(ReportFonts.Typeface(FontFace.Regular), theme.ChartLegendSize);
        var available = width - LegendSideAllowance - legend.Padding.Horizontal;
        var rows = 1;
        var x = 0f;
        foreach (var label in labels)
        {
            var item = legend.SymbolWidth + legend.SymbolPadding + font.MeasureText(label);
            if (x > 0 && x + item > available)
            {
                rows++;
                x = 0;
            }

            x += item + legend.InterItemPadding.Right;
        }

        var rowHeight = Math.Max(theme.ChartLegendSize * 1.25f, legend.SymbolHeight) + legend.InterItemPadding.Bottom;
        panel.Padding = new PixelPadding(0, 0, (rows - 1) * rowHeight + 2, 2);
    }

    public static void NumericTicks(IAxis axis, ValueFormat format, bool integersOnly = false)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = format.FormatTick,
            IntegerTicksOnly = integersOnly,
            MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(0),
        };
    }

    public static void TargetLine(Plot plot, ReportTheme theme, TargetLine target, bool vertical = false)
    {
        // A light halo keeps the dark dashes visible where they cross dark bars.
        var haloColor = theme.TargetHalo.ToPlot();
        var halo = vertical
            ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(target.Value, theme.TargetLineWidth + theme.TargetHaloWidth, haloColor)
            : plot.Add.HorizontalLine(target.Value, theme.TargetLineWidth + theme.TargetHaloWidth, haloColor);
        halo.ExcludeFromLegend = true;
        var color = theme.TargetLine.ToPlot();
        var line = vertical
            ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(target.Value, theme.TargetLineWidth, color, LinePattern.Dashed)
            : plot.Add.HorizontalLine(target.Value, theme.TargetLineWidth, color, LinePattern.Dashed);
        line.LegendText = target.Label;
    }

    public static Color ToPlot(this SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);

    public static Color ToPlot(this SKColor color, byte alpha) => new(color.Red, color.Green, color.Blue, alpha);
}
