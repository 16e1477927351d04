namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>Level, trend and one seasonal state per position of the season (a single zero when not seasonal).</summary>
internal sealed record EtsState(double Level, double Trend, double[] Season)
{
    /// <summary>
    /// Heuristic starting states (Hyndman et al. 2008, §2.6.1): the season from a classical additive
    /// decomposition of the first (up to four) seasons, level and trend from a straight line through the
    /// first adjusted values.
    /// </summary>
    public static EtsState Initial(IReadOnlyList<double> y, EtsSpecification specification, int m)
    {
        var season = new double[Math.Max(1, specification.Seasonal ? m : 1)];
        var adjusted = y.ToArray();
        if (specification.Seasonal)
        {
            var head = y.Take(Math.Min(y.Count, 4 * m)).ToArray();
            var decomposition = SeasonalDecomposition.Fit(head, m, multiplicative: false);
            for (var i = 0; i < m; i++)
            {
                season[i] = decomposition.IndexAt(i);
            }

            for (var t = 0; t < adjusted.Length; t++)
            {
                adjusted[t] -= season[t % m];
            }
        }

        var count = Math.Min(adjusted.Length, Math.Max(10, specification.Seasonal ? 2 * m : 10));
        // The state before the first observation: one step back along the line.
        var (intercept, slope) = Line(adjusted, count);
        return specification.HasTrend
            ? new EtsState(intercept - slope, slope, season)
            : new EtsState(adjusted.Take(count).Average(), 0, season);
    }

    /// <summary>Least-squares line through the first <paramref name="count"/> values at times 0, 1, ….</summary>
    public static (double Intercept, double Slope) Line(IReadOnlyList<double> y, int count)
    {
        if (count < 2)
        {
            return (y[0], 0);
        }

        var meanT = (count - 1) / 2.0;
        double meanY = 0;
        for (var t = 0; t < count; t++)
        {
            meanY += y[t];
        }

        meanY /= count;
        double sxy = 0;
        double sxx = 0;
        for (var t = 0; t < count; t++)
        {
            sxy += (t - meanT) * (y[t] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }

        var slope = sxy / sxx;
        return (meanY - slope * meanT, slope);
    }
}
