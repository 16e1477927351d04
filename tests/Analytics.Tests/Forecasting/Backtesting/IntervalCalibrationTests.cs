using SupportLens.Analytics.Forecasting.Backtesting;

namespace SupportLens.Analytics.Tests.Forecasting.Backtesting;

public sealed class IntervalCalibrationTests
{
    [Fact]
    public void Series_of_any_size_pool_into_one_distribution_and_widths_scale_with_the_series()
    {
        // Two series, two origins each; the second one's errors are ten times the first's. Each window's errors are
        // scaled by the other window's mean absolute error (4/3 and 40/3), so both pool into the same values
        // |e|·3/4: 0.75, 1.5, 0.75 per window.
        IReadOnlyList<BacktestWindow>[] windows =
        [
            [Window([11, 12, 11], [10, 10, 10]), Window([9, 8, 9], [10, 10, 10])],
            [Window([110, 120, 110], [100, 100, 100]), Window([90, 80, 90], [100, 100, 100])],
        ];
        var calibration = IntervalCalibration.Fit(windows, 3, counts: false)!;
        Assert.Equal(4.0 / 3, calibration.Scale(windows[0])!.Value, 12);
        Assert.Equal(40.0 / 3, calibration.Scale(windows[1])!.Value, 12);

        // 12 pooled values: eight 0.75 and four 1.5, one bucket (every step is thinner than 100). Type-7 80 % quantile:
        // position 0.8·11 = 8.8 → between the 9th (1.5) and 10th (1.5) sorted values = 1.5; 95 % → 1.5 too.
        var bands = calibration.Bands([100, 100, 100], scale: 40.0 / 3);
        Assert.Equal(100 + 1.5 * 40 / 3, bands.Hi80[0], 9);
        Assert.Equal(100 - 1.5 * 40 / 3, bands.Lo95[2], 9);
        var small = calibration.Bands([10, 10, 10], scale: 4.0 / 3);
        Assert.Equal(10 * (small.Hi80[1] - 10), bands.Hi80[1] - 100, 9);
    }

    [Fact]
    public void One_bad_bucket_does_not_widen_every_later_step()
    {
        // 50 series, two windows each, errors 1 and 2 (one window each way round) on every step but the 4th, where they
        // are 4 and 8 (a holiday nobody forecast). Mean absolute errors of the windows: 17/14 and 34/14, so the pooled
        // values are 7/17 and 28/17 on every step (50 each) and 28/17 and 112/17 on the 4th.
        // 95 % quantiles, one step a bucket (100 values each): 28/17 on every step but the 4th, 112/17 there
        // (position 0.95·99 = 94.05 lies among the top 50). A running maximum kept 112/17 = 6.59 to step 14; the
        // isotonic fit pools steps 4..14: (112 + 10·28) / (11·17) = 392/187 = 2.10.
        var windows = Enumerable.Range(0, 50).Select(s => (IReadOnlyList<BacktestWindow>)
        [
            Window(Enumerable.Range(0, 14).Select(h => 100.0 + (h == 3 ? 4 : 1) * (s % 2 == 0 ? 1 : 2)).ToArray(), Flat(100, 14)),
            Window(Enumerable.Range(0, 14).Select(h => 100.0 - (h == 3 ? 4 : 1) * (s % 2 == 0 ? 2 : 1)).ToArray(), Flat(100, 14)),
        ]).ToArray();
        var bands = IntervalCalibration.Fit(windows, 14, counts: false)!.Bands(Flat(100, 14), scale: 1);
        Assert.Equal(28.0 / 17, bands.Hi95[2] - 100, 9);
        Assert.Equal(392.0 / 187, bands.Hi95[3] - 100, 9);
        Assert.Equal(392.0 / 187, bands.Hi95[13] - 100, 9);
    }

    [Fact]
    public void Thin_horizon_buckets_merge_until_each_has_enough_errors()
    {
        // 95 steps, 10 errors per step but 120 on the first: step 1 alone, then ten steps a bucket; the last four
        // (40 errors) join the bucket before them.
        var pooled = Enumerable.Range(0, 95).Select(h => Enumerable.Repeat(1.0, h == 0 ? 120 : 10).ToList()).ToList();
        var buckets = IntervalCalibration.Buckets(pooled);
        Assert.Equal((0, 1), buckets[0]);
        Assert.Equal((1, 11), buckets[1]);
        Assert.Equal((81, 95), buckets[^1]);
        Assert.All(buckets, b => Assert.True(pooled.Skip(b.Start).Take(b.End - b.Start).Sum(p => p.Count) >= IntervalCalibration.MinBucketPoints));
        Assert.Equal(Enumerable.Range(0, 95), buckets.SelectMany(b => Enumerable.Range(b.Start, b.End - b.Start)));
    }

    [Fact]
    public void Counts_forecast_exactly_in_the_backtest_still_get_Poisson_noise()
    {
        // Two windows that happened to be forecast exactly: the backtest says "no error", Poisson noise says otherwise.
        IReadOnlyList<BacktestWindow>[] windows =
        [
            [Window([20, 20], [20, 20]), Window([20, 20], [20, 20])],
            [Window([5, 7], [6, 6]), Window([7, 5], [6, 6])],
        ];
        var calibration = IntervalCalibration.Fit(windows, 2, counts: true)!;
        var bands = calibration.Bands([25, 25], calibration.Scale(windows[0])!.Value);
        // z80·√25 = 1.2816·5 = 6.41; z95·√25 = 1.96·5 = 9.80.
        Assert.Equal(25 + 1.2815515655446004 * 5, bands.Hi80[0], 9);
        Assert.Equal(25 - 1.959963984540054 * 5, bands.Lo95[1], 9);
    }

    [Fact]
    public void Count_spread_follows_the_square_root_of_the_forecast()
    {
        // A Monday forecast four times a Sunday's gets twice its half-width: errors twice as large on Mondays pool into the
        // same scaled values for both days, so the two days share their quantiles (the Poisson floor, 1.96·√400 = 39, is far below).
        IReadOnlyList<BacktestWindow>[] windows = Enumerable.Range(0, 30).Select(s => (IReadOnlyList<BacktestWindow>)
        [
            Window([400 + 20 + s, 100 + 10 + s / 2.0], [400, 100]),
            Window([400 - 20, 100 - 10], [400, 100]),
        ]).ToArray();
        var calibration = IntervalCalibration.Fit(windows, 2, counts: true)!;
        var bands = calibration.Bands([400, 100], scale: 100);
        Assert.Equal(2, (bands.Hi95[0] - 400) / (bands.Hi95[1] - 100), 9);
    }

    [Fact]
    public void No_series_with_two_backtest_windows_means_no_intervals()
    {
        Assert.Null(IntervalCalibration.Fit([[]], 5, counts: false));
        Assert.Null(IntervalCalibration.Fit([[Window([1, 2], [0, 0])]], 2, counts: true));
    }

    private static BacktestWindow Window(double[] actual, double[] forecast) => new(actual, forecast);

    private static double[] Flat(double value, int length) => Enumerable.Repeat(value, length).ToArray();
}
