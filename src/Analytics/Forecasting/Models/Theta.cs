namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// The Theta method as the M4 benchmark runs it (Assimakopoulos &amp; Nikolopoulos 2000; Hyndman &amp; Billah
/// 2003): seasonally adjust by classical decomposition when the 90 % seasonality test says so, forecast the
/// adjusted series by simple exponential smoothing plus a drift of half the slope of a straight line fitted
/// to it, and put the season back.
/// </summary>
internal sealed class Theta : LocalForecastModel
{
    public const string ModelName = "theta";

    private static readonly EtsSpecification Ses = new(EtsTrend.None, Seasonal: false);

    public override string Name => ModelName;

    public override double[] Forecast(SeriesHistory history, int horizon)
    {
        var y = history.Values;
        var decomposition = SeasonalDecomposition.Detect(y, history.SeasonLength);
        var adjusted = decomposition.Adjust(y);
        var ses = EtsFit.Fit(adjusted, Ses, 1);
        if (ses is null)
        {
            return decomposition.Reseasonalise(SeasonalNaive.Repeat(adjusted, 1, horizon), y.Length);
        }

        var n = adjusted.Length;
        var drift = EtsState.Line(adjusted, n).Slope / 2;
        var alpha = Math.Max(1e-10, ses.Parameters.Alpha);
        var forecast = ses.Forecast(horizon);
        var offset = (1 - Math.Pow(1 - alpha, n)) / alpha;
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] += drift * (h + offset);
        }

        return decomposition.Reseasonalise(forecast, y.Length);
    }
}
