using SupportLens.Analytics.Forecasting.Backtesting;

namespace SupportLens.Analytics.Tests.Forecasting.Backtesting;

public sealed class IntervalCalibrationTests
{
    [Fact]
    public void Widths_follow_the_pooled_errors_and_never_shrink_with_the_horizon()
    {
        // Two series, two origins each; the second series' errors are ten times the first's, so after scaling
        // by the other origin's mean error they pool into one distribution.
        IReadOnlyList<double[]>[] errors =
        [
            [[1, 2, 1], [-1, -2, -1]],
            [[10, 20, 10], [-10, -20, -10]],
        ];
        var calibration = IntervalCalibration.Fit(errors, 3)!;
        var (first80, first95) = calibration.HalfWidths(0, scale: 1);
        var (last80, last95) = calibration.HalfWidths(2, scale: 1);
        Assert.True(first95 >= first80);
        Assert.True(last80 >= first80 && last95 >= first95);
        Assert.Equal(2 * calibration.HalfWidths(1, 1).Half95, calibration.HalfWidths(1, 2).Half95, 12);
    }

    [Fact]
    public void No_backtest_errors_means_no_intervals()
    {
        Assert.Null(IntervalCalibration.Fit([[]], 5));
        Assert.Null(IntervalCalibration.Scale([]));
    }
}
