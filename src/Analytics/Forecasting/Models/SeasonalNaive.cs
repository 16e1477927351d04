namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// Repeats the last season (the same weekday last week): the baseline every other model has to beat.
/// A history shorter than one season repeats its last value; with a season of 1 it is the naive forecast.
/// </summary>
internal sealed class SeasonalNaive(int? seasonLength = null, string name = SeasonalNaive.ModelName) : LocalForecastModel
{
    public const string ModelName = "seasonal-naive";

    public const string NaiveName = "naive";

    /// <summary>The last value, repeated.</summary>
    public static SeasonalNaive Naive { get; } = new(1, NaiveName);

    public override string Name => name;

    public override double[] Forecast(SeriesHistory history, int horizon) =>
        Repeat(history.Values, seasonLength ?? history.SeasonLength, horizon);

    public static double[] Repeat(IReadOnlyList<double> y, int seasonLength, int horizon)
    {
        if (y.Count == 0)
        {
            throw new ArgumentException("Cannot forecast an empty series.");
        }

        var m = y.Count >= seasonLength ? Math.Max(1, seasonLength) : 1;
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = y[y.Count - m + h % m];
        }

        return forecast;
    }
}
