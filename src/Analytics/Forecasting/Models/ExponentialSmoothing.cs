namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// Exponential smoothing with the member of the ETS(A,·,·) family that has the lowest AICc. A short season
/// (the week of a daily series) is modelled with seasonal states; a long one (the year of a weekly series,
/// 52 states) is removed first by classical decomposition when the M4 seasonality test finds it, as the M4
/// benchmarks do, and put back on the forecast.
/// </summary>
internal sealed class ExponentialSmoothing(IReadOnlyList<EtsSpecification>? candidates = null, string name = ExponentialSmoothing.ModelName)
    : LocalForecastModel
{
    public const string ModelName = "ets";

    /// <summary>Longest season modelled with states rather than removed beforehand.</summary>
    public const int MaxStateSeason = 24;

    private readonly IReadOnlyList<EtsSpecification> _candidates = candidates ?? EtsSpecification.All;

    public override string Name => name;

    public override double[] Forecast(SeriesHistory history, int horizon) => Forecast(history.Values, history.SeasonLength, horizon, out _);

    public double[] Forecast(double[] y, int seasonLength, int horizon, out EtsFit? chosen)
    {
        var decomposition = seasonLength > MaxStateSeason
            ? SeasonalDecomposition.Detect(y, seasonLength)
            : SeasonalDecomposition.None;
        var adjusted = decomposition == SeasonalDecomposition.None ? y : decomposition.Adjust(y);
        chosen = Select(adjusted, seasonLength);
        var forecast = chosen is null ? SeasonalNaive.Repeat(adjusted, 1, horizon) : chosen.Forecast(horizon);
        return decomposition.Reseasonalise(forecast, y.Length);
    }

    /// <summary>The candidate with the lowest AICc; null when the series is too short for any of them.</summary>
    public EtsFit? Select(double[] y, int seasonLength)
    {
        EtsFit? best = null;
        foreach (var specification in _candidates)
        {
            if (specification.Seasonal && seasonLength > MaxStateSeason)
            {
                continue;
            }

            var fit = EtsFit.Fit(y, specification, seasonLength);
            if (fit is not null && (best is null || fit.Aicc < best.Aicc))
            {
                best = fit;
            }
        }

        return best;
    }
}
