using System.Globalization;
using System.Net;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace SupportLens.Web.Jobs.Dashboard;

/// <summary>A page of the Hangfire dashboard that shows one of our ledgers, inside Hangfire's own layout and menu.</summary>
internal abstract class LedgerPage(string title) : RazorPage
{
    public override void Execute()
    {
        Layout = new LayoutPage(title);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">{Encode(title)}</h1>");
        Body(html, Context.GetHttpContext().RequestServices);
        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    protected abstract void Body(StringBuilder html, IServiceProvider services);

    protected static T Service<T>(IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();

    protected static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    protected static string When(DateTimeOffset? instant) =>
        instant is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    protected static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<(string Html, string? Class)>> rows)
    {
        html.Append("<div class=\"table-responsive\"><table class=\"table table-hover\"><thead><tr>");
        foreach (var header in headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Encode(header)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (cell, cls) in row)
            {
                html.Append(cls is null ? "<td>" : $"<td class=\"{cls}\">").Append(cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }
}
