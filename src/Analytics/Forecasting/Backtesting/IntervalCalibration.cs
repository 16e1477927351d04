namespace SupportLens.Analytics.Forecasting.Backtesting;

/// <summary>
/// Prediction intervals from backtest errors. Each series' absolute errors are divided by that series' mean
/// absolute backtest error at its other origins, so series of any size and difficulty can be pooled; at each step h the 80 % and
/// 95 % quantiles of the pooled errors from steps h−2..h+2 give the half-widths, multiplied back by the
/// series' scale. Widths grow with the horizon exactly as fast as the backtest errors did.
/// </summary>
internal sealed class IntervalCalibration
{
    private const int StepWindow = 2;

    private readonly double[] _half80;
    private readonly double[] _half95;

    private IntervalCalibration(double[] half80, double[] half95)
    {
        _half80 = half80;
        _half95 = half95;
    }

    /// <summary>Pools the errors of each series (rows of steps) into per-step quantiles; null when no series had a non-zero error.</summary>
    public static IntervalCalibration? Fit(IEnumerable<IReadOnlyList<double[]>> errorsPerSeries, int horizon)
    {
        var pooled = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToArray();
        foreach (var rows in errorsPerSeries)
        {
            // Each origin's errors are scaled by the other origins' mean error, as a future error will be
            // scaled by a mean taken without it: scaling by a mean that includes the error itself would pull
            // the pooled errors toward 1 and make the intervals too narrow when there are few origins.
            for (var k = 0; k < rows.Count; k++)
            {
                var others = rows.Where((_, j) => j != k).ToArray();
                if (Scale(others) is not { } s || s == 0)
                {
                    continue;
                }

                for (var h = 0; h < Math.Min(horizon, rows[k].Length); h++)
                {
                    pooled[h].Add(Math.Abs(rows[k][h]) / s);
                }
            }
        }

        if (pooled.All(p => p.Count == 0))
        {
            return null;
        }

        var half80 = new double[horizon];
        var half95 = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var window = Enumerable.Range(Math.Max(0, h - StepWindow), Math.Min(horizon, h + StepWindow + 1) - Math.Max(0, h - StepWindow))
                .SelectMany(j => pooled[j])
                .OrderBy(v => v)
                .ToArray();
            half80[h] = Quantile(window, 0.80);
            half95[h] = Quantile(window, 0.95);
        }

        // Uncertainty does not shrink further out: carry the widest width seen so far forward.
        for (var h = 1; h < horizon; h++)
        {
            half80[h] = Math.Max(half80[h], half80[h - 1]);
            half95[h] = Math.Max(half95[h], half95[h - 1]);
        }

        return new IntervalCalibration(half80, half95);
    }

    /// <summary>Mean absolute backtest error of one series; null when it has no backtest errors at all.</summary>
    public static double? Scale(IReadOnlyList<double[]> rows)
    {
        var values = rows.SelectMany(r => r).ToArray();
        return values.Length == 0 ? null : values.Average(Math.Abs);
    }

    /// <summary>Half-widths of the 80 % and 95 % intervals at step h (0-based) for a series with this scale.</summary>
    public (double Half80, double Half95) HalfWidths(int h, double scale) => (_half80[h] * scale, _half95[h] * scale);

    // Type 7 (linear interpolation between order statistics), R's default; NaN-free: empty means zero width.
    private static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(sorted.Length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
