using System.Xml.Linq;

namespace SupportLens.Reports.Tests.Charts;

/// <summary>Reads a figure's SVG the way a dashboard script would: the hover targets and their attributes.</summary>
internal static class SvgReader
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg) => XElement.Parse(svg);

    public static IReadOnlyList<XElement> ValueTargets(XElement root) =>
        root.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "chart-values").Elements().ToList();

    public static string Title(XElement target) => target.Element(Svg + "title")!.Value;

    public static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
}
