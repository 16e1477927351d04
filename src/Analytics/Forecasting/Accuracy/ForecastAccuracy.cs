namespace SupportLens.Analytics.Forecasting.Accuracy;

/// <summary>The M4 error measures (Makridakis et al. 2020, "The M4 Competition", §2.3).</summary>
internal static class ForecastAccuracy
{
    /// <summary>Symmetric MAPE in percent: mean of 200·|y − ŷ| / (|y| + |ŷ|); a step where both are zero counts as no error.</summary>
    public static double Smape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (var h = 0; h < actual.Count; h++)
        {
            var denominator = Math.Abs(actual[h]) + Math.Abs(forecast[h]);
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[h] - forecast[h]) / denominator;
        }

        return sum / actual.Count;
    }

    /// <summary>Mean absolute error of the forecast divided by <paramref name="scale"/>.</summary>
    public static double Mase(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, double scale) =>
        MeanAbsoluteError(actual, forecast) / scale;

    public static double MeanAbsoluteError(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (var h = 0; h < actual.Count; h++)
        {
            sum += Math.Abs(actual[h] - forecast[h]);
        }

        return sum / actual.Count;
    }

    /// <summary>
    /// In-sample mean absolute error of the seasonal naive forecast with lag m (MASE's denominator), or with
    /// lag 1 when the history is not longer than a season. Zero for a constant history.
    /// </summary>
    public static double SeasonalNaiveScale(IReadOnlyList<double> history, int m, int? length = null)
    {
        var n = length ?? history.Count;
        var lag = n > m ? Math.Max(1, m) : 1;
        if (n <= lag)
        {
            return 0;
        }

        double sum = 0;
        for (var t = lag; t < n; t++)
        {
            sum += Math.Abs(history[t] - history[t - lag]);
        }

        return sum / (n - lag);
    }

    /// <summary>
    /// A MASE scale that is never zero: the seasonal naive error, else the one-step naive error, else the mean
    /// size of the values, else 1 (an all-zero history), so a series that never changed still ranks models.
    /// </summary>
    public static double SafeScale(IReadOnlyList<double> history, int m, int? length = null)
    {
        var n = length ?? history.Count;
        var scale = SeasonalNaiveScale(history, m, n);
        if (scale > 0)
        {
            return scale;
        }

        scale = SeasonalNaiveScale(history, 1, n);
        if (scale > 0)
        {
            return scale;
        }

        double size = 0;
        for (var t = 0; t < n; t++)
        {
            size += Math.Abs(history[t]);
        }

        return n > 0 && size > 0 ? size / n : 1;
    }

    /// <summary>Overall weighted average: the mean of sMAPE and MASE, each relative to Naive2's.</summary>
    public static double Owa(double smape, double mase, double naive2Smape, double naive2Mase) =>
        0.5 * (smape / naive2Smape + mase / naive2Mase);
}
