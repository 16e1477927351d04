namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// The M4 reference method: the last value of the seasonally adjusted series (classical multiplicative
/// decomposition when the 90 % test at lag m says seasonal), with the season put back. OWA divides by its errors.
/// </summary>
internal sealed class Naive2 : LocalForecastModel
{
    public const string ModelName = "naive2";

    public override string Name => ModelName;

    public override double[] Forecast(SeriesHistory history, int horizon)
    {
        var y = history.Values;
        var decomposition = SeasonalDecomposition.Detect(y, history.SeasonLength);
        var adjusted = decomposition.Adjust(y);
        return decomposition.Reseasonalise(SeasonalNaive.Repeat(adjusted, 1, horizon), y.Length);
    }
}
