using System.Globalization;
using System.Xml.Linq;
using ScottPlot;
using SkiaSharp;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>
/// A chart: drawn as vectors onto a PDF page, exported as SVG for the dashboards (with a hover title per
/// value), and its data as CSV. One subclass per kind of chart, built from a plain input record.
/// </summary>
public abstract class Figure
{
    private IReadOnlyList<ChartValue>? values;

    /// <summary>The chart's title; the page or dashboard sets it above the plot.</summary>
    public abstract string Title { get; }

    /// <summary>Every value of the chart, in drawing order, for hover text and CSV.</summary>
    public IReadOnlyList<ChartValue> Values => values ??= CollectValues();

    public string ToCsv() => ChartCsv.Write(Values);

    /// <summary>
    /// The chart as a standalone SVG of <paramref name="width"/> × <paramref name="height"/> pixels. Each value
    /// has an invisible hit area with a &lt;title&gt; (shown on hover) and data-series, data-label, data-value
    /// and data-display attributes for scripts. Text is set in Liberation Sans: a page showing the SVG
    /// should serve that font (the same TTF the PDFs embed).
    /// </summary>
    public string ToSvg(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 20);
        var theme = ReportTheme.Default;
        var logicalWidth = (int)Math.Round(width / theme.SvgScale);
        var logicalHeight = (int)Math.Round(height / theme.SvgScale);
        var chart = Build(theme, logicalWidth, logicalHeight);
        try
        {
            var svg = XDocument.Parse(chart.Plot.GetSvgXml(logicalWidth, logicalHeight));
            return SvgValues.Decorate(svg, chart, Title, width, height, logicalWidth, logicalHeight);
        }
        finally
        {
            chart.Plot.Dispose();
        }
    }

    /// <summary>Draws the chart into <paramref name="area"/> of a canvas (a PDF page: points, vectors).</summary>
    internal void Draw(SKCanvas canvas, SKRect area, ReportTheme theme)
    {
        if (area.Width < 1 || area.Height < 1)
        {
            return;
        }

        var chart = Build(theme, area.Width, area.Height);
        try
        {
            // ScottPlot lays a new plot out over two passes, drawing both. Let the first pass draw
            // nowhere, so the page records one clean copy of the chart.
            using (var settle = new SKNoDrawCanvas((int)Math.Ceiling(area.Width), (int)Math.Ceiling(area.Height)))
            {
                chart.Plot.Render(settle, new PixelRect(0, area.Width, area.Height, 0));
            }

            canvas.Save();
            canvas.ClipRect(area);
            canvas.Translate(area.Left, area.Top);
            chart.Plot.Render(canvas, new PixelRect(0, area.Width, area.Height, 0));
            canvas.Restore();
        }
        finally
        {
            chart.Plot.Dispose();
        }
    }

    /// <summary>Height over width that suits this kind when the layout does not fix a height.</summary>
    internal virtual float PreferredAspect(ReportTheme theme) => theme.ChartAspect;

    private protected abstract IReadOnlyList<ChartValue> CollectValues();

    /// <summary>Builds the plot for a drawing area of the given size in points, with where each value sits.</summary>
    private protected abstract BuiltChart Build(ReportTheme theme, float width, float height);

    private protected static string DateLabel(DateTime local) =>
        local.TimeOfDay == TimeSpan.Zero
            ? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Where a value sits in plot coordinates: a point (lines) or an area (bars, cells).</summary>
internal sealed record ValueMark(ChartValue Value, Coordinates? Point, CoordinateRect? Area);

internal sealed record BuiltChart(Plot Plot, IReadOnlyList<ValueMark> Marks);
