using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Reports;
using SupportLens.Reports.Charts;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Clients;

/// <summary>
/// One client: its health on the day (score, band, trend, coverage), what pulls the score down and what each driver
/// means, the components, churn risk and its drivers, the daily health history as a chart, and the period's metrics,
/// incidents that hit it and unusual days. A success manager is refused a client outside their book (403).
/// </summary>
public sealed class DetailModel : DashboardPage
{
    internal const string TrendChart = "health-trend";

    internal const string ComponentsChart = "health-components";

    internal string ClientId => RouteData.Values["clientId"] as string ?? "";

    internal ClientInfo? Client { get; private set; }

    internal LocalDate? Day { get; private set; }

    internal string? DayProblem { get; private set; }

    internal HealthClientDocument? Health { get; private set; }

    internal HealthDocument? Document { get; private set; }

    internal QualityMetrics? Metrics { get; private set; }

    internal IReadOnlyList<ClientIncident> Incidents { get; private set; } = [];

    internal IReadOnlyList<SpikeDocument> Spikes { get; private set; } = [];

    private HealthData HealthData => HttpContext.RequestServices.GetRequiredService<HealthData>();

    internal Analytics.Configuration.SupportLensSettings Settings => HealthData.Settings;

    internal override bool OffersSplit => false;

    internal override bool OffersDay => true;

    internal override string? DayValue => Day is { } day ? HealthDocument.Iso(day) : null;

    internal override bool OffersClientFilters => false;

    // as_of is the health day here; the period's open tickets are judged at the data horizon, as `metrics` does.
    internal override DashboardQuery Adjust(DashboardQuery query) => query with { Client = ClientId, Tier = null, SuccessManager = null, Channel = null, AsOf = null };

    internal override string? ScopeText => $"health on {(Day is { } d ? HealthDocument.Iso(d) : "–")}; metrics, incidents and unusual days of the period";

    internal override bool Prepare(DashboardView view)
    {
        Client = Data.Client(ClientId);
        if (Client is null)
        {
            return false;
        }
        (Day, DayProblem) = HealthData.Day(Query.AsOf);
        if (Day is { } day)
        {
            Document = HealthData.ClientDocument(ClientId, day, new MetricsFilter(Clients: Viewer.Book));
            Health = Document?.Clients.Single();
            if (Document is null)
            {
                DayProblem = $"{Client.Name} has no health score on {HealthDocument.Iso(day)}: it was not a client then (before its contract start, or after it left).";
            }
        }
        return true;
    }

    internal override void Load(DashboardView view)
    {
        Metrics = Data.Metrics(view.Period, MetricsGrouping.All, view.Filter, view.AsOf).Groups.Single();
        Incidents = Data.IncidentsHit([ClientId], view.Period, view.AsOf)[ClientId];
        Spikes = Apis.ForecastApi.SpikesOf(view, Data, HttpContext.RequestServices.GetRequiredService<PlanningData>()).Spikes;
    }

    internal IEnumerable<KpiTile> MetricTiles => Metrics is null ? [] : Scorecard.Quality(Metrics)
        .Where(t => t.Label is "Tickets" or "CSAT" or "NPS" or "FCR" or "SLA first response" or "SLA resolution");

    internal override string FigureKey(string name, DashboardView view) => $"{base.FigureKey(name, view)}|{ClientId}|{Day}";

    internal override string CsvFileName(string chart, DashboardView view) => $"{chart}-{ClientId}-{(Day is { } d ? HealthDocument.Iso(d) : "none")}.csv";

    internal override Figure? Figure(string name, DashboardView view)
    {
        if (Health is not { } health)
        {
            return null;
        }
        var bands = Settings.Health;
        if (name == TrendChart && health.History is { Count: > 0 } history)
        {
            var zone = ReportingZone.Of(Data.Zone.Id);
            DateTimeOffset At(string day) =>
                NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value.AtStartOfDayInZone(Data.Zone).ToDateTimeOffset();
            var series = new List<TimeSeries> { new("Health score", [.. history.Select(p => new TimeValue(At(p.AsOf), p.Score))]) };
            if (history.Any(p => p.Risk is not null))
            {
                series.Add(new TimeSeries("Churn risk %", [.. history.Select(p => new TimeValue(At(p.AsOf), p.Risk is { } r ? Math.Round(r * 100, 1) : null))]));
            }
            return new LineChart(new LineChartData($"Health score by day to {health.History[^1].AsOf}", "Score / percent", ValueFormat.Decimal, zone, series,
                Target: new TargetLine(bands.GreenFrom, string.Create(CultureInfo.InvariantCulture, $"green from {bands.GreenFrom}")), Minimum: 0, Maximum: 100));
        }
        if (name == ComponentsChart && health.Components is { } components)
        {
            var measured = components.Where(c => c.Score is not null).ToList();
            return new BarChart(new BarChartData($"Component scores on {Document!.AsOf} (0–100)", "Score", ValueFormat.Decimal,
                [new CategorySeries("Score", [.. measured.Select(c => new LabelledValue(Analytics.Health.HealthMeanings.Title(c.Component), c.Score))])],
                Horizontal: true));
        }
        return null;
    }
}
