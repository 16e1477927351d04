using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace SupportLens.Reports.Charts;

/// <summary>Adds to a chart's SVG a viewBox, an accessible title, and one hover target per value.</summary>
internal static class SvgValues
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const float PointRadius = 5;

    public static string Decorate(XDocument document, BuiltChart chart, string title, int width, int height, int logicalWidth, int logicalHeight)
    {
        var root = document.Root ?? throw new InvalidOperationException("the chart library returned an SVG without a root element");
        root.SetAttributeValue("width", Text(width));
        root.SetAttributeValue("height", Text(height));
        root.SetAttributeValue("viewBox", $"0 0 {Text(logicalWidth)} {Text(logicalHeight)}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", title);
        root.AddFirst(new XElement(Svg + "title", title));

        // Invisible but hit-testable: fill set (so pointer events count the inside), opacity zero.
        var group = new XElement(Svg + "g",
            new XAttribute("class", "chart-values"),
            new XAttribute("fill", "#000"),
            new XAttribute("fill-opacity", "0"));
        foreach (var mark in chart.Marks)
        {
            var shape = Shape(chart.Plot, mark);
            if (shape is null)
            {
                continue;
            }

            shape.Add(
                new XAttribute("data-series", mark.Value.Series),
                new XAttribute("data-label", mark.Value.Label),
                new XAttribute("data-value", mark.Value.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : ""),
                new XAttribute("data-display", mark.Value.Display),
                new XElement(Svg + "title", $"{mark.Value.Series} · {mark.Value.Label}: {mark.Value.Display}"));
            group.Add(shape);
        }

        root.Add(group);
        return document.Root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement? Shape(Plot plot, ValueMark mark)
    {
        if (mark.Point is { } point)
        {
            var pixel = plot.GetPixel(point);
            return new XElement(Svg + "circle",
                new XAttribute("cx", Text(pixel.X)),
                new XAttribute("cy", Text(pixel.Y)),
                new XAttribute("r", Text(PointRadius)));
        }

        if (mark.Area is { } area)
        {
            var a = plot.GetPixel(new Coordinates(area.Left, area.Bottom));
            var b = plot.GetPixel(new Coordinates(area.Right, area.Top));
            return new XElement(Svg + "rect",
                new XAttribute("x", Text(Math.Min(a.X, b.X))),
                new XAttribute("y", Text(Math.Min(a.Y, b.Y))),
                new XAttribute("width", Text(Math.Abs(b.X - a.X))),
                new XAttribute("height", Text(Math.Abs(b.Y - a.Y))));
        }

        return null;
    }

    private static string Text(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
