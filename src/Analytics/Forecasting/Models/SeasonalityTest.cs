namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// The M4 benchmarks' seasonality test: the autocorrelation at lag m is significant at 90 % (one-sided
/// z = 1.645) against Bartlett's standard error built from the autocorrelations below lag m. Needs three
/// full seasons.
/// </summary>
internal static class SeasonalityTest
{
    private const double CriticalZ = 1.645;

    public static bool IsSeasonal(IReadOnlyList<double> y, int m)
    {
        if (m < 2 || y.Count < 3 * m)
        {
            return false;
        }

        var acf = Autocorrelations(y, m);
        double sumSquares = 0;
        for (var k = 1; k < m; k++)
        {
            sumSquares += acf[k] * acf[k];
        }

        var limit = CriticalZ / Math.Sqrt(y.Count) * Math.Sqrt(1 + 2 * sumSquares);
        return Math.Abs(acf[m]) > limit;
    }

    /// <summary>Sample autocorrelations at lags 0..maxLag (lag 0 is 1; a constant series gives 0 elsewhere).</summary>
    public static double[] Autocorrelations(IReadOnlyList<double> y, int maxLag)
    {
        var n = y.Count;
        var mean = y.Average();
        double denominator = 0;
        for (var t = 0; t < n; t++)
        {
            denominator += (y[t] - mean) * (y[t] - mean);
        }

        var acf = new double[maxLag + 1];
        acf[0] = 1;
        if (denominator == 0)
        {
            return acf;
        }

        for (var k = 1; k <= maxLag && k < n; k++)
        {
            double sum = 0;
            for (var t = 0; t + k < n; t++)
            {
                sum += (y[t] - mean) * (y[t + k] - mean);
            }

            acf[k] = sum / denominator;
        }

        return acf;
    }
}
