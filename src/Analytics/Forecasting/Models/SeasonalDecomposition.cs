namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// Classical decomposition (as R's <c>decompose</c>): a centred moving average of one season is the trend,
/// the mean ratio (or difference) to it at each position of the season is the seasonal index. Used to
/// seasonally adjust a series before Theta, the non-seasonal ETS variants and Naive2, as the M4 benchmarks do.
/// </summary>
internal sealed class SeasonalDecomposition
{
    private SeasonalDecomposition(double[] indices, bool multiplicative)
    {
        Indices = indices;
        Multiplicative = multiplicative;
    }

    /// <summary>Seasonal index per position in the season; position of observation t is t mod m.</summary>
    public IReadOnlyList<double> Indices { get; }

    public bool Multiplicative { get; }

    public int SeasonLength => Indices.Count;

    /// <summary>No seasonality: indices 1 (multiplicative) so adjusting changes nothing.</summary>
    public static SeasonalDecomposition None { get; } = new([1.0], multiplicative: true);

    /// <summary>
    /// Decomposes when the series is seasonal by the M4 test; otherwise <see cref="None"/>. Multiplicative
    /// unless a value is zero or negative (days without contacts), where ratios are undefined.
    /// </summary>
    public static SeasonalDecomposition Detect(IReadOnlyList<double> y, int seasonLength) =>
        SeasonalityTest.IsSeasonal(y, seasonLength)
            ? Fit(y, seasonLength, multiplicative: y.All(v => v > 0))
            : None;

    public static SeasonalDecomposition Fit(IReadOnlyList<double> y, int m, bool multiplicative)
    {
        if (m < 2 || y.Count < 2 * m)
        {
            return None;
        }

        var sums = new double[m];
        var counts = new int[m];
        var half = m / 2;
        for (var t = half; t < y.Count - half; t++)
        {
            var trend = CentredMean(y, t, m);
            if (multiplicative && trend <= 0)
            {
                continue;
            }

            sums[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
            counts[t % m]++;
        }

        var indices = new double[m];
        for (var i = 0; i < m; i++)
        {
            indices[i] = counts[i] > 0 ? sums[i] / counts[i] : multiplicative ? 1 : 0;
        }

        var mean = indices.Average();
        for (var i = 0; i < m; i++)
        {
            indices[i] = multiplicative ? indices[i] / mean : indices[i] - mean;
        }

        return new SeasonalDecomposition(indices, multiplicative);
    }

    public double IndexAt(int t) => Indices[t % Indices.Count];

    public double[] Adjust(IReadOnlyList<double> y)
    {
        var adjusted = new double[y.Count];
        for (var t = 0; t < y.Count; t++)
        {
            adjusted[t] = Multiplicative ? y[t] / IndexAt(t) : y[t] - IndexAt(t);
        }

        return adjusted;
    }

    /// <summary>Puts the season back on a forecast of the adjusted series that starts at observation <paramref name="firstIndex"/>.</summary>
    public double[] Reseasonalise(double[] forecast, int firstIndex)
    {
        var result = new double[forecast.Length];
        for (var h = 0; h < forecast.Length; h++)
        {
            var index = IndexAt(firstIndex + h);
            result[h] = Multiplicative ? forecast[h] * index : forecast[h] + index;
        }

        return result;
    }

    // For an even season the window spans m + 1 values with half weight at both ends (a 2×m moving average).
    private static double CentredMean(IReadOnlyList<double> y, int t, int m)
    {
        var half = m / 2;
        double sum = 0;
        if (m % 2 == 1)
        {
            for (var j = t - half; j <= t + half; j++)
            {
                sum += y[j];
            }

            return sum / m;
        }

        for (var j = t - half + 1; j < t + half; j++)
        {
            sum += y[j];
        }

        return (sum + 0.5 * (y[t - half] + y[t + half])) / m;
    }
}
