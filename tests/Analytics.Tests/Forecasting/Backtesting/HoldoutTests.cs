using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.Backtesting;

namespace SupportLens.Analytics.Tests.Forecasting.Backtesting;

public sealed class HoldoutTests
{
    [Theory]
    // 90 days ahead, origins 35 days apart: origin k's window ends 35·k days before the end, so only origins 3 and older
    // (105 ≥ 90) ended before the latest window began; 4 origins for the forecast, 3 more for the hold-out's 3 → 6.
    [InlineData(90, 4, 35, 3, 6)]
    // M4 Weekly: 13 weeks ahead, origins 13 weeks apart: every older origin qualifies, nothing is added.
    [InlineData(13, 3, 13, 1, 3)]
    // 13 weeks ahead, origins 5 weeks apart: 15 ≥ 13 from origin 3 on.
    [InlineData(13, 4, 5, 3, 6)]
    public void The_hold_out_is_calibrated_only_from_windows_that_ended_before_it_began(int horizon, int origins, int spacing, int gap, int backtest)
    {
        var settings = new EngineSettings(horizon, origins, spacing, MinTrainLength: 10, NonNegative: true);
        Assert.Equal(gap, settings.HoldoutGap);
        Assert.Equal(backtest, settings.BacktestOrigins);
        Assert.True(settings.HoldoutGap * spacing >= horizon && (settings.HoldoutGap - 1) * spacing < horizon);
    }

    [Fact]
    public void Every_day_of_the_latest_window_is_judged_and_the_naive_baseline_shares_the_origins()
    {
        // 28 days ahead, origins 14 days apart (a third of the horizon in whole weeks): gap 2, 4 + 1 = 5 origins, the
        // oldest cut at 364 − 28 − 4·14 = 280 days, above the 56-day minimum.
        var series = Enumerable.Range(0, 3).Select(i => SyntheticSeries.Series($"s{i}", SyntheticSeries.Support(364, 30 + 10 * i, seed: 7 + i, noise: 4))).ToArray();
        var run = new VolumeForecaster(new FixedTime(DateTimeOffset.UnixEpoch), new ForecastOptions { Horizon = 28, GradientBoosting = false }).Forecast(series);

        Assert.Equal(3 * 28, run.Coverage.Points);
        Assert.All(run.Series, s => Assert.NotNull(s.SeasonalNaiveMase));
        Assert.All(run.Series, s => Assert.NotNull(s.Points[0].Lo80));
    }
}
