using NodaTime;

namespace SupportLens.Analytics.Forecasting;

/// <summary>One series of a stored run: the forecast and what its choice of model rests on.</summary>
public sealed record StoredSeries(
    string Key,
    string Model,
    double? BacktestMase,
    double? SeasonalNaiveMase,
    LocalDate HistoryStart,
    int HistoryPeriods,
    IReadOnlyList<ForecastPoint> Points);

/// <summary>
/// A forecast run as <c>refresh</c> stored it: when, from which history (through <see cref="HistoryThrough"/>, the last
/// complete day before the data horizon), how far ahead, the measured interval coverage, and the series.
/// </summary>
public sealed record StoredForecastRun(
    long RunId,
    DateTimeOffset GeneratedAt,
    SeriesFrequency Frequency,
    int Horizon,
    LocalDate HistoryThrough,
    string Sources,
    IntervalCoverage Coverage,
    IReadOnlyList<StoredSeries> Series)
{
    /// <summary>The first forecast date (a day, or the Monday of the first whole week after the history).</summary>
    public LocalDate? FirstDate => Series.SelectMany(s => s.Points).Select(p => (LocalDate?)p.Date).Min();

    /// <summary>Days ahead the stored points reach: the horizon in days, or weeks × 7.</summary>
    public int HorizonDays => Frequency == SeriesFrequency.Daily ? Horizon : Horizon * 7;
}
