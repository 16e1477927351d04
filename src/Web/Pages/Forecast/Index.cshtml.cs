using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Reports;
using SupportLens.Reports.Charts;
using SupportLens.Web.Apis;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Forecast;

/// <summary>
/// The latest stored volume forecast of a level (total, channel, tier, client): one series charted with its recent actual
/// days and the 80 % and 95 % intervals, every series of the level with its model and backtest MASE, the run's measured
/// interval coverage, and the unusual days of the period. A success manager sees the client series of their book.
/// </summary>
public sealed class IndexModel : DashboardPage
{
    internal const string ForecastChart = "forecast";

    /// <summary>Actual days (weekly: weeks) shown before the forecast, so the two lines meet.</summary>
    internal const int DaysOfHistory = 56;

    internal const int WeeksOfHistory = 26;

    internal string Level => Viewer.SeesAllClients
        ? (Request.Query["series"].ToString() is var s && ForecastApi.Levels.Contains(s) ? s : "total")
        : "client";

    internal bool Weekly => Request.Query["weekly"] == "true";

    internal SeriesFrequency Frequency => Weekly ? SeriesFrequency.Weekly : SeriesFrequency.Daily;

    internal ForecastDocument? Document { get; private set; }

    internal ForecastSeriesDocument? Shown { get; private set; }

    internal IReadOnlyList<SpikeDocument> Spikes { get; private set; } = [];

    internal PlanningData Planning => HttpContext.RequestServices.GetRequiredService<PlanningData>();

    internal override bool OffersSplit => false;

    internal override IEnumerable<(string Name, string? Value)> PageQuery =>
        [("series", Level == "total" || !Viewer.SeesAllClients ? null : Level), ("key", Shown?.Key ?? Request.Query["key"].ToString()), ("weekly", Weekly ? "true" : null)];

    internal override IReadOnlyList<FilterChoice> Choices =>
    [
        .. Viewer.SeesAllClients ? new[] { new FilterChoice("series", "Level", [.. ForecastApi.Levels.Select(l => (l, l))], Level) } : [],
        new("key", "Series", [.. (Document?.Series ?? []).Select(s => (s.Key, s.Key))], Shown?.Key),
        new("weekly", "Frequency", [("", "daily"), ("true", "weekly")], Weekly ? "true" : ""),
    ];

    internal override bool Prepare(DashboardView view)
    {
        Document = Planning.ForecastDocument(Frequency, Level, null, Viewer.Book);
        var key = Request.Query["key"].ToString();
        Shown = Document?.Series.FirstOrDefault(s => s.Key == key) ?? Document?.Series.FirstOrDefault();
        return true;
    }

    internal override void Load(DashboardView view) => Spikes = ForecastApi.SpikesOf(view, Data, Planning).Spikes;

    /// <summary>Sum of the first <paramref name="count"/> points, "–" when the series is shorter.</summary>
    internal static string Sum(ForecastSeriesDocument series, int count) =>
        series.Points.Count >= count ? series.Points.Take(count).Sum(p => p.Value).ToString("N0", CultureInfo.InvariantCulture) : "–";

    internal override string FigureKey(string name, DashboardView view) => $"{name}|{Frequency}|{Shown?.Key}|{Viewer.SeesAllClients}";

    internal override string CsvFileName(string chart, DashboardView view) =>
        $"{chart}-{Shown?.Key.Replace(':', '-').Replace('/', '-') ?? "none"}-{(Weekly ? "weekly" : "daily")}.csv";

    internal override Figure? Figure(string name, DashboardView view)
    {
        if (name != ForecastChart || Shown is not { } series || Document is not { } doc)
        {
            return null;
        }
        var zone = Data.Zone;
        DateTimeOffset At(LocalDate day) => day.AtStartOfDayInZone(zone).ToDateTimeOffset();
        static LocalDate Day(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
        var history = Planning.History();
        var actual = (Weekly ? history.Weekly() : history.Series).FirstOrDefault(s => s.Key == series.Key);
        var actuals = new List<TimeValue>();
        if (actual is not null)
        {
            var keep = Weekly ? WeeksOfHistory : DaysOfHistory;
            for (var i = Math.Max(0, actual.Length - keep); i < actual.Length; i++)
            {
                actuals.Add(new TimeValue(At(actual.DateAt(i)), actual.Values[i]));
            }
        }
        var points = series.Points;
        var bands = new List<ForecastBand>();
        if (points.All(p => p.Lo95 is not null && p.Hi95 is not null))
        {
            bands.Add(new ForecastBand("95 % interval", 0.95, [.. points.Select(p => new BandValue(At(Day(p.Date)), p.Lo95!.Value, p.Hi95!.Value))]));
        }
        if (points.All(p => p.Lo80 is not null && p.Hi80 is not null))
        {
            bands.Add(new ForecastBand("80 % interval", 0.8, [.. points.Select(p => new BandValue(At(Day(p.Date)), p.Lo80!.Value, p.Hi80!.Value))]));
        }
        var unit = Weekly ? "week" : "day";
        return new LineChart(new LineChartData(
            $"{series.Key}: contacts per {unit}, forecast from {doc.HistoryThrough} ({series.Model})",
            $"Contacts per {unit}",
            ValueFormat.Decimal,
            ReportingZone.Of(zone.Id),
            [new TimeSeries("Actual", actuals)],
            new TimeSeries("Forecast", [.. points.Select(p => new TimeValue(At(Day(p.Date)), p.Value))]),
            bands,
            Minimum: 0));
    }
}
