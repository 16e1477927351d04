using NodaTime;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// One forecast date: the point forecast and its 80 % and 95 % intervals. The intervals are null ("not
/// measured") when the series was too short for any backtest to calibrate them.
/// </summary>
public sealed record ForecastPoint(LocalDate Date, double Value, double? Lo80, double? Hi80, double? Lo95, double? Hi95);

/// <summary>
/// The forecast of one series: the chosen model (or combination), its mean MASE over the backtest origins
/// (null when the history allowed no backtest), the points, and the seasonal naive baseline's MASE over the same
/// origins (what the chosen model has to beat).
/// </summary>
public sealed record SeriesForecast(string Key, string Model, double? BacktestMase, IReadOnlyList<ForecastPoint> Points, double? SeasonalNaiveMase = null);

/// <summary>
/// Share of held-out values inside the intervals: the latest backtest window, forecast and judged with model
/// choice and intervals calibrated on the older origins only. Null rates when nothing could be held out.
/// </summary>
public sealed record IntervalCoverage(int Points, double? Coverage80, double? Coverage95);

/// <summary>A forecasting run over a set of series of one frequency, as stored and as <c>forecast --json</c> prints it.</summary>
public sealed record ForecastRun(
    DateTimeOffset GeneratedAt,
    SeriesFrequency Frequency,
    int Horizon,
    IReadOnlyList<SeriesForecast> Series,
    IntervalCoverage Coverage);
