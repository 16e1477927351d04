using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Forecasting;

namespace SupportLens.Web.Presentation;

/// <summary>
/// What `forecast --json` prints and <c>GET /api/forecast</c> answers (DESIGN.md §7, extended but never renamed): the
/// stored run, its measured interval coverage, and each series with its model, backtest MASE and points.
/// </summary>
internal sealed record ForecastDocument(
    DateTimeOffset GeneratedAt,
    long RunId,
    string Frequency,
    string TimeZone,
    string HistoryThrough,
    int HorizonDays,
    string Sources,
    ForecastCoverageDocument Coverage,
    IReadOnlyList<ForecastSeriesDocument> Series)
{
    internal static ForecastDocument Build(StoredForecastRun run, DateTimeZone zone) => new(
        run.GeneratedAt,
        run.RunId,
        run.Frequency == SeriesFrequency.Daily ? "daily" : "weekly",
        zone.Id,
        Date(run.HistoryThrough),
        run.HorizonDays,
        run.Sources,
        new ForecastCoverageDocument(run.Coverage.Points, Percent(run.Coverage.Coverage80), Percent(run.Coverage.Coverage95)),
        [.. run.Series.Select(s => new ForecastSeriesDocument(
            s.Key,
            s.Model,
            Round(s.BacktestMase, 3),
            Round(s.SeasonalNaiveMase, 3),
            Date(s.HistoryStart),
            [.. s.Points.Select(p => new ForecastPointDocument(
                Date(p.Date), Math.Round(p.Value, 2), Round(p.Lo80, 2), Round(p.Hi80, 2), Round(p.Lo95, 2), Round(p.Hi95, 2)))]))]);

    internal static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static double? Percent(double? share) => share is { } s ? Math.Round(100 * s, 2) : null;

    private static double? Round(double? value, int places) => value is { } v ? Math.Round(v, places) : null;
}

/// <summary>Of the held-out points of the backtests, the share inside the 80 % and the 95 % intervals.</summary>
internal sealed record ForecastCoverageDocument(int Points, double? Coverage80Pct, double? Coverage95Pct);

/// <summary>One series (total, channel:NAME, tier:NAME, client:ID): its model, what the choice rests on, its points.</summary>
internal sealed record ForecastSeriesDocument(
    string Key, string Model, double? BacktestMase, double? SeasonalNaiveMase, string HistoryStart, IReadOnlyList<ForecastPointDocument> Points);

/// <summary>One day's (or week's) forecast with its intervals.</summary>
internal sealed record ForecastPointDocument(string Date, double Value, double? Lo80, double? Hi80, double? Lo95, double? Hi95);
