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
            if (!Prepare(view))
            {
                return NotFound();
            }
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
        Prepare(view);
        if (chart is null || Drawn(chart, view, ChartWidth, ChartHeight) is not { } drawn)
        {
            return NotFound();
        }
        return File(System.Text.Encoding.UTF8.GetBytes(drawn.Csv), "text/csv; charset=utf-8", CsvFileName(chart, view));
    }

    /// <summary>The name a chart's CSV downloads as.</summary>
    internal virtual string CsvFileName(string chart, DashboardView view) => $"{chart}-{view.Period.FromText}-{view.Period.ToText}.csv";

    /// <summary>
    /// Reads what a page needs beyond the view before a chart is drawn or its CSV served (route values, the page's own
    /// query parameters); <see cref="Load"/> calls it too. Returns false when the page has nothing to show (404).
    /// </summary>
    internal virtual bool Prepare(DashboardView view) => true;

    /// <summary>The page's own query parameters (sort order, series…), kept in every link, share URL and CSV link.</summary>
    internal virtual IEnumerable<(string Name, string? Value)> PageQuery => [];

    /// <summary>The query string of this view with the page's own parameters; starts with '?' unless empty.</summary>
    internal string QueryString(params (string Name, string? Value)[] changes)
    {
        var own = PageQuery.ToList();
        var viewChanges = changes.Where(c => !own.Any(o => o.Name == c.Name)).ToArray();
        var text = Query.ToQueryString(viewChanges).TrimStart('?');
        var extra = own.Select(o => changes.FirstOrDefault(c => c.Name == o.Name) is { Name: not null } c ? c : o)
            .Where(o => !string.IsNullOrWhiteSpace(o.Value))
            .Select(o => $"{o.Name}={Uri.EscapeDataString(o.Value!)}");
        var all = string.Join('&', new[] { text }.Concat(extra).Where(t => t.Length > 0));
        return all.Length == 0 ? "" : "?" + all;
    }

    /// <summary>The figure a chart name draws for this view (the quality and SLA trends unless a page has its own).</summary>
    internal virtual global::SupportLens.Reports.Charts.Figure? Figure(string name, DashboardView view) => Dashboard.Charts.DashboardCharts.Build(name, view, Data);

    /// <summary>What a chart depends on beyond its name: the view, and the page's own parameters.</summary>
    internal virtual string FigureKey(string name, DashboardView view) =>
        $"{Request.Path}|{name}|{view.Period.FromText}..{view.Period.ToText}|{view.Filter.Key}|{view.AsOf}|{QueryString()}";

    private (string Title, string Svg, string Csv)? Drawn(string name, DashboardView view, int width, int height) =>
        Data.Chart(FigureKey(name, view), () => Figure(name, view), width, height);

    /// <summary>Reads the view from the query string: null when the page may go on (with a view, or with problems to show).</summary>
    private IActionResult? Resolve()
    {
        Query = DashboardQuery.Parse(Request.Query);
        var resolution = Adjust(Query.By is null && DefaultBy is not null ? Query with { By = DefaultBy } : Query)
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

    /// <summary>The query a page resolves (a client detail page adds its client from the route); links keep <see cref="Query"/>.</summary>
    internal virtual DashboardQuery Adjust(DashboardQuery query) => query;

    /// <summary>The size a chart is drawn at; the stylesheet scales it to the page's width.</summary>
    internal const int ChartWidth = 1100;

    internal const int ChartHeight = 300;

    /// <summary>
    /// The size a chart is drawn at for a phone: the wide drawing scaled to a phone's width sets its ticks at 6 px, so a
    /// second drawing near the phone's own width keeps the text at its size (the stylesheet shows one or the other).
    /// </summary>
    internal const int NarrowChartWidth = 420;

    internal const int NarrowChartHeight = 320;

    /// <summary>A chart of this view as inline SVG (a title per value shows on hover) with a link to its data as CSV.</summary>
    internal Microsoft.AspNetCore.Html.IHtmlContent Chart(string name)
    {
        if (View is not { } view || Drawn(name, view, ChartWidth, ChartHeight) is not { } drawn
            || Drawn(name, view, NarrowChartWidth, NarrowChartHeight) is not { } narrow)
        {
            return Microsoft.AspNetCore.Html.HtmlString.Empty;
        }
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var query = QueryString();
        var csv = Request.Path + query + (query.Length == 0 ? "?" : "&") + "handler=csv&chart=" + name;
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<figure class=\"chart\" id=\"{name}\"><p class=\"chart-title\">{encoder.Encode(drawn.Title)}</p><div class=\"chart-scroll chart-wide\">{drawn.Svg}</div><div class=\"chart-narrow\">{narrow.Svg}</div><figcaption><a href=\"{encoder.Encode(csv)}\" download>Data as CSV</a></figcaption></figure>");
    }

    /// <summary>Whether the filter form offers the period (month, or from and to).</summary>
    internal virtual bool OffersPeriod => true;

    /// <summary>Whether the filter form offers a day (<c>as_of</c>: the health pages' day).</summary>
    internal virtual bool OffersDay => false;

    /// <summary>The day the form shows as chosen (the health pages: the day shown, which defaults to the last stored one).</summary>
    internal virtual string? DayValue => null;

    /// <summary>Whether the filter form offers the channel (health is per client, not per channel).</summary>
    internal virtual bool OffersChannel => true;

    /// <summary>Whether the filter form offers one client (a list of clients does not).</summary>
    internal virtual bool OffersClient => true;

    /// <summary>What the line under the filters says the view is (default: the period).</summary>
    internal virtual string? ViewText => null;

    /// <summary>Whom the line under the filters says the view covers (default: the filters, or the viewer's book).</summary>
    internal virtual string? ScopeText => null;

    /// <summary>The page's own choices in the filter form (a select each), kept in the URL.</summary>
    internal virtual IReadOnlyList<FilterChoice> Choices => [];

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
    internal string ShareUrl => $"{Request.Scheme}://{Request.Host}{Request.Path}{QueryString()}";
}

/// <summary>A page's own choice in the filter form: a select named <see cref="Name"/> with its options (value, text).</summary>
internal sealed record FilterChoice(string Name, string Label, IReadOnlyList<(string Value, string Text)> Options, string? Selected);
