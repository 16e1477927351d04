namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>How the members of a combination are merged at each step.</summary>
internal enum CombinationRule
{
    Mean,
    Median,
}

/// <summary>
/// A forecast made by merging other models' forecasts step by step. It is not fitted itself: the backtest
/// computes it from its members' backtest forecasts, so it costs nothing beyond them.
/// </summary>
internal sealed record Combination(string Name, CombinationRule Rule, IReadOnlyList<string> Members)
{
    public double[] Merge(IReadOnlyList<double[]> forecasts)
    {
        var horizon = forecasts[0].Length;
        var merged = new double[horizon];
        var step = new double[forecasts.Count];
        for (var h = 0; h < horizon; h++)
        {
            for (var i = 0; i < forecasts.Count; i++)
            {
                step[i] = forecasts[i][h];
            }

            merged[h] = Rule == CombinationRule.Mean ? step.Average() : Median(step);
        }

        return merged;
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
