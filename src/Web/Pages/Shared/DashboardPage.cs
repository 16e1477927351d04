using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupportLens.Analytics.Clients;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Pages.Shared;

/// <summary>
/// A dashboard page: reads the filter from the query string (so its URL is the view), resolves it for the signed-in
/// viewer (a success manager is refused another client with 403, a bad filter shows what is wrong with 400), and loads
/// its figures from <see cref="DashboardData"/> (cached per data version; never refreshes anything).
/// </summary>
public abstract class DashboardPage : PageModel
{
    internal DashboardData Data => HttpContext.RequestServices.GetRequiredService<DashboardData>();

    internal Viewer Viewer => HttpContext.RequestServices.GetRequiredService<ViewerAccessor>().Current;

    internal DashboardQuery Query { get; private set; } = new();

    internal DashboardView? View { get; private set; }

    internal IReadOnlyDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The split a page shows when the URL names none (null: one group, "all").</summary>
    internal virtual string? DefaultBy => null;

    /// <summary>Whether the filter form offers the split (pages that show one table of groups).</summary>
    internal virtual bool OffersSplit => true;

    /// <summary>Whether the page's figures follow the tier, client, channel and success-manager filters.</summary>
    internal virtual bool OffersClientFilters => true;

    public IActionResult OnGet()
    {
        if (Resolve() is { } refused)
        {
            return refused;
        }
        if (View is { } view)
        {
            Load(view);
        }
        return Page();
    }

    /// <summary>A chart's data as CSV (<c>?handler=csv&amp;chart=NAME</c> with the view's query string).</summary>
    public IActionResult OnGetCsv(string? chart)
    {
        if (Resolve() is { } refused)
        {
            return refused;
        }
        if (View is not { } view)
        {
            return BadRequest();
        }
        if (chart is null || Data.Chart(chart, view, ChartWidth, ChartHeight) is not { } drawn)
        {
            return NotFound();
        }
        return File(System.Text.Encoding.UTF8.GetBytes(drawn.Csv), "text/csv; charset=utf-8",
            $"{chart}-{view.Period.FromText}-{view.Period.ToText}.csv");
    }

    /// <summary>Reads the view from the query string: null when the page may go on (with a view, or with problems to show).</summary>
    private IActionResult? Resolve()
    {
        Query = DashboardQuery.Parse(Request.Query);
        var resolution = (Query.By is null && DefaultBy is not null ? Query with { By = DefaultBy } : Query)
            .Resolve(Viewer, Data, HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        if (resolution.Forbidden)
        {
            return Forbid();
        }
        if (resolution.View is not { } view)
        {
            Problems = resolution.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        View = view;
        return null;
    }

    /// <summary>The size a chart is drawn at; the stylesheet scales it to the page's width.</summary>
    internal const int ChartWidth = 1100;

    internal const int ChartHeight = 300;

    /// <summary>A chart of this view as inline SVG (a title per value shows on hover) with a link to its data as CSV.</summary>
    internal Microsoft.AspNetCore.Html.IHtmlContent Chart(string name)
    {
        if (View is not { } view || Data.Chart(name, view, ChartWidth, ChartHeight) is not { } drawn)
        {
            return Microsoft.AspNetCore.Html.HtmlString.Empty;
        }
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var csv = Request.Path + Query.ToQueryString() + (Query.ToQueryString().Length == 0 ? "?" : "&") + "handler=csv&chart=" + name;
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<figure class=\"chart\" id=\"{name}\"><p class=\"chart-title\">{encoder.Encode(drawn.Title)}</p><div class=\"chart-scroll\">{drawn.Svg}</div><figcaption><a href=\"{encoder.Encode(csv)}\" download>Data as CSV</a></figcaption></figure>");
    }

    /// <summary>Loads the page's figures for a valid view.</summary>
    internal abstract void Load(DashboardView view);

    /// <summary>The clients the viewer may pick in the filter.</summary>
    internal IReadOnlyList<ClientInfo> VisibleClients => [.. Data.Clients().Where(c => Viewer.MaySee(c.ClientId))];

    internal IReadOnlyList<string> SuccessManagers =>
        [.. VisibleClients.Select(c => c.SuccessManager).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A group's name in a table; a client links to the same page filtered to it.</summary>
    internal Microsoft.AspNetCore.Html.IHtmlContent GroupKey(string key)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        if (View?.Grouping == Analytics.Metrics.MetricsGrouping.Client && Data.Client(key) is { } client)
        {
            var href = Request.Path + Query.ToQueryString(("client", key), ("by", null));
            return new Microsoft.AspNetCore.Html.HtmlString(
                $"<a href=\"{encoder.Encode(href)}\" title=\"{encoder.Encode(key)}\">{encoder.Encode(client.Name)}</a>");
        }
        return new Microsoft.AspNetCore.Html.HtmlString(encoder.Encode(key));
    }

    /// <summary>This page's URL with the current filter: what to share.</summary>
    internal string ShareUrl => $"{Request.Scheme}://{Request.Host}{Request.Path}{Query.ToQueryString()}";
}
