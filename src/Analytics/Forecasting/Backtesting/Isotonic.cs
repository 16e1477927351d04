namespace SupportLens.Analytics.Forecasting.Backtesting;

/// <summary>Isotonic regression by pool-adjacent-violators: the closest (least squares) non-decreasing sequence.</summary>
internal static class Isotonic
{
    public static double[] NonDecreasing(IReadOnlyList<double> values)
    {
        var means = new List<double>(values.Count);
        var sizes = new List<int>(values.Count);
        foreach (var value in values)
        {
            means.Add(value);
            sizes.Add(1);
            // A block lower than the one before it pools with it, until the blocks rise again.
            while (means.Count > 1 && means[^2] > means[^1])
            {
                var size = sizes[^2] + sizes[^1];
                var mean = (means[^2] * sizes[^2] + means[^1] * sizes[^1]) / size;
                means.RemoveAt(means.Count - 1);
                sizes.RemoveAt(sizes.Count - 1);
                means[^1] = mean;
                sizes[^1] = size;
            }
        }

        var result = new double[values.Count];
        var at = 0;
        for (var b = 0; b < means.Count; b++)
        {
            Array.Fill(result, means[b], at, sizes[b]);
            at += sizes[b];
        }

        return result;
    }
}
