using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Shared;

/// <summary>Table cells of figures: the text the CLI prints, coloured by verdict, the target on hover.</summary>
internal static class Cells
{
    internal static IHtmlContent Metric(QualityMetrics group, string metric, double? value)
    {
        var check = Figures.Check(group, metric);
        var title = check is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $" title=\"target {(check.Direction == TargetDirection.AtLeast ? "&gt;=" : "&lt;")} {check.Target:0.##}\"");
        var css = Figures.Verdict(check?.Met);
        return new HtmlString($"<td class=\"{css}\"{title}>{HtmlEncoder.Default.Encode(Figures.Cell(group, metric, value))}</td>");
    }
}
