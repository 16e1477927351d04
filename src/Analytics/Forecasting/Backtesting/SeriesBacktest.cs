namespace SupportLens.Analytics.Forecasting.Backtesting;

/// <summary>
/// One series' rolling-origin backtest: for each origin (0 = the latest) the values that followed it, the
/// MASE scale of the history before it, and every candidate's forecast made from that history.
/// An origin the series is too short for is null throughout.
/// </summary>
internal sealed class SeriesBacktest(int origins)
{
    public double[]?[] Actuals { get; } = new double[]?[origins];

    public double[] Scales { get; } = new double[origins];

    public Dictionary<string, double[]?[]> Forecasts { get; } = new(StringComparer.Ordinal);

    public IEnumerable<int> AvailableOrigins => Enumerable.Range(0, Actuals.Length).Where(k => Actuals[k] is not null);

    /// <summary>Mean over the given origins of the candidate's MASE; null when none of them is available.</summary>
    public double? MeanMase(string candidate, IEnumerable<int> origins)
    {
        double sum = 0;
        var count = 0;
        foreach (var k in origins)
        {
            if (Actuals[k] is { } actual && Forecasts[candidate][k] is { } forecast)
            {
                sum += Accuracy.ForecastAccuracy.Mase(actual, forecast, Scales[k]);
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>The candidate's forecast errors (actual − forecast) at the given origins, each a row of steps.</summary>
    public IEnumerable<double[]> Errors(string candidate, IEnumerable<int> origins)
    {
        foreach (var k in origins)
        {
            if (Actuals[k] is { } actual && Forecasts[candidate][k] is { } forecast)
            {
                yield return actual.Select((a, h) => a - forecast[h]).ToArray();
            }
        }
    }
}
