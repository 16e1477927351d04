namespace SupportLens.Analytics.Metrics;

/// <summary>A share of successes with its 95 % Wilson score interval (better than the normal interval at small n or near 0/100 %).</summary>
public sealed record Proportion(long Successes, long Total)
{
    private const double Z = 1.959963984540054;

    /// <summary>The share in percent, or null when there is nothing to measure.</summary>
    public double? Percent => Total == 0 ? null : 100.0 * Successes / Total;

    public double? Lower95 => Wilson(-1);

    public double? Upper95 => Wilson(+1);

    private double? Wilson(int sign)
    {
        if (Total == 0)
        {
            return null;
        }
        double n = Total;
        var p = Successes / n;
        var z2 = Z * Z;
        var centre = p + (z2 / (2 * n));
        var spread = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return 100.0 * (centre + (sign * spread)) / (1 + (z2 / n));
    }
}
