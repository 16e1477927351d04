using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Reports.Charts;
using SupportLens.Web.Apis;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Clients;

/// <summary>
/// The clients' health list on a day (default the last stored one): score and band, trend, churn risk, renewal and what
/// pulls each score down, sortable by risk (the CLI's order), score, renewal, trend or name, filtered by tier and success
/// manager; a success manager sees their book. Counts, average and retention are those of the clients listed.
/// </summary>
public sealed class IndexModel : DashboardPage
{
    internal const string BandsChart = "health-bands";

    internal static readonly IReadOnlyList<(string Value, string Text)> Sorts =
        [("risk", "most at risk first"), ("score", "lowest score first"), ("renewal", "soonest renewal first"), ("trend", "biggest fall first"), ("name", "name")];

    internal string Sort => Request.Query["sort"].ToString() is var s && Sorts.Any(o => o.Value == s) ? s : "risk";

    internal LocalDate? Day { get; private set; }

    internal string? DayProblem { get; private set; }

    internal HealthDocument? Document { get; private set; }

    internal IReadOnlyList<HealthClientDocument> Rows { get; private set; } = [];

    internal HealthData Health => HttpContext.RequestServices.GetRequiredService<HealthData>();

    internal override bool OffersSplit => false;

    internal override bool OffersPeriod => false;

    internal override bool OffersDay => true;

    internal override string? DayValue => Day is { } day ? HealthDocument.Iso(day) : null;

    internal override bool OffersChannel => false;

    internal override bool OffersClient => false;

    internal override IEnumerable<(string Name, string? Value)> PageQuery => [("sort", Sort == "risk" ? null : Sort)];

    internal override IReadOnlyList<FilterChoice> Choices => [new("sort", "Order", Sorts, Sort)];

    internal override string? ViewText => Day is { } day ? $"Health on {HealthDocument.Iso(day)} ({Data.Zone.Id})" : null;

    // as_of is the health day here, not the instant open tickets are judged at.
    internal override DashboardQuery Adjust(DashboardQuery query) => query with { AsOf = null };

    internal override bool Prepare(DashboardView view)
    {
        (Day, DayProblem) = Health.Day(Query.AsOf);
        return true;
    }

    internal override void Load(DashboardView view)
    {
        if (Day is not { } day)
        {
            Response.StatusCode = Health.StoredDays() is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return;
        }
        Document = Health.BookDocument(day, HealthApi.Scope(view));
        Rows = Order(Document.Clients, Sort);
    }

    internal static IReadOnlyList<HealthClientDocument> Order(IReadOnlyList<HealthClientDocument> clients, string sort) => sort switch
    {
        "score" => [.. clients.OrderBy(c => c.Score ?? int.MaxValue).ThenBy(c => c.ClientId, StringComparer.Ordinal)],
        "renewal" => [.. clients.OrderBy(c => c.Renewal ?? "9999").ThenBy(c => c.ClientId, StringComparer.Ordinal)],
        "trend" => [.. clients.OrderBy(c => c.Trend?.Change ?? int.MaxValue).ThenBy(c => c.ClientId, StringComparer.Ordinal)],
        "name" => [.. clients.OrderBy(c => c.Name ?? c.ClientId, StringComparer.OrdinalIgnoreCase)],
        _ => clients,
    };

    internal override string FigureKey(string name, DashboardView view) => $"{base.FigureKey(name, view)}|{Day}";

    internal override string CsvFileName(string chart, DashboardView view) => $"{chart}-{(Day is { } d ? HealthDocument.Iso(d) : "none")}.csv";

    // The band badges' colours (site.css: span.band), dark enough to read in grey as three steps.
    private const string GreenBand = "#0B7A53";
    private const string AmberBand = "#C98A00";
    private const string RedBand = "#A33C0A";

    /// <summary>Clients per band in each tier: how the book stands at a glance.</summary>
    internal override Figure? Figure(string name, DashboardView view)
    {
        if (name != BandsChart || Day is not { } day)
        {
            return null;
        }
        var clients = Health.BookDocument(day, HealthApi.Scope(view)).Clients;
        var tiers = Dashboard.DashboardQuery.Tiers.Where(t => clients.Any(c => c.Tier == t)).ToList();
        // Each band in its own colour, as the list's score badges show it, rather than the palette's series order.
        CategorySeries Band(string band, string title, string color) =>
            new(title, [.. tiers.Select(t => new LabelledValue(t, clients.Count(c => c.Tier == t && c.Band == band)))], SkiaSharp.SKColor.Parse(color));
        var bands = Health.Settings.Health;
        var series = new List<CategorySeries>
        {
            Band("green", $"green ({bands.GreenFrom}–100)", GreenBand), Band("amber", $"amber ({bands.RedUpTo + 1}–{bands.GreenFrom - 1})", AmberBand),
            Band("red", $"red (0–{bands.RedUpTo})", RedBand),
        };
        if (clients.Any(c => c.Band is null))
        {
            series.Add(new CategorySeries("not scored", [.. tiers.Select(t => new LabelledValue(t, clients.Count(c => c.Tier == t && c.Band is null)))]));
        }
        return new StackedBarChart(new BarChartData($"Clients by health band and tier on {HealthDocument.Iso(day)}", "Clients", ValueFormat.Count, series));
    }
}
