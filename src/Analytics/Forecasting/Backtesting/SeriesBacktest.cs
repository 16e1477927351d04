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

    /// <summary>The candidate's backtest windows (what followed each given origin and its forecast of it).</summary>
    public IReadOnlyList<BacktestWindow> Windows(string candidate, IEnumerable<int> origins) =>
        origins
            .Where(k => Actuals[k] is not null && Forecasts[candidate][k] is not null)
            .Select(k => new BacktestWindow(Actuals[k]!, Forecasts[candidate][k]!))
            .ToArray();
}
