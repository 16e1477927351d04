using ScottPlot;
using SkiaSharp;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>Keeps category labels under vertical bars from running into each other: upright when they fit their slot, turned 45° when not.</summary>
internal static class CategoryLabels
{
    private const int LongestLabel = 22;

    public static void FitBelow(Plot plot, ReportTheme theme, IReadOnlyList<string> categories, double[] positions, float width)
    {
        if (categories.Count == 0)
        {
            return;
        }

        using var font = new SKFont(ReportFonts.Typeface(FontFace.Regular), theme.ChartTickSize);
        var slot = (width - 60) / categories.Count;
        var widest = categories.Max(c => font.MeasureText(c));
        if (widest + theme.ChartTickSize <= slot)
        {
            return;
        }

        var axis = plot.Axes.Bottom;
        var shown = categories.Select(c => c.Length > LongestLabel ? c[..(LongestLabel - 1)] + "…" : c).ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, shown);
        axis.TickLabelStyle.Rotation = -45;
        axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
        var longest = shown.Max(c => font.MeasureText(c));
        axis.MinimumSize = longest * 0.72f + theme.ChartTickSize * 2 + (string.IsNullOrEmpty(axis.Label.Text) ? 0 : theme.ChartAxisLabelSize * 1.6f);
    }
}
