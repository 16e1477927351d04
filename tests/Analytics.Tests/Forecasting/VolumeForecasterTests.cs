using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.Accuracy;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Tests.Forecasting;

public sealed class VolumeForecasterTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_chosen_models_beat_seasonal_naive_on_held_out_weeks()
    {
        // Weekday shape, growth, a level shift and holidays: the last four weeks are held out.
        const int held = 28;
        var full = Enumerable.Range(0, 4).Select(i => SyntheticSeries.Series($"channel:{i}", SyntheticSeries.Support(
            400 + held, 50 + 40 * i, seed: 100 + i, trend: 0.001, noise: 4 + i, shiftAt: 300 + 20 * i, shift: 15, holidays: true))).ToArray();
        var history = full.Select(s => SyntheticSeries.Series(s.Key, s.Values.Take(400).ToArray())).ToArray();
        var run = new VolumeForecaster(Clock, new ForecastOptions { Horizon = held }).Forecast(history);

        double ours = 0, baseline = 0;
        for (var s = 0; s < full.Length; s++)
        {
            var actual = full[s].Values.Skip(400).ToArray();
            var scale = ForecastAccuracy.SeasonalNaiveScale(history[s].Values, 7);
            ours += ForecastAccuracy.Mase(actual, run.Series[s].Points.Select(p => p.Value).ToArray(), scale);
            baseline += ForecastAccuracy.Mase(actual, SeasonalNaive.Repeat(history[s].Values, 7, held), scale);
        }

        Assert.True(ours < 0.8 * baseline, $"MASE ours {ours / full.Length:F3}, seasonal naive {baseline / full.Length:F3}");
    }

    [Fact]
    public void A_run_has_dated_points_with_nested_non_negative_intervals()
    {
        var series = new[]
        {
            SyntheticSeries.Series("total", SyntheticSeries.Support(300, 80, seed: 1, noise: 6, holidays: true)),
            SyntheticSeries.Series("client:quiet", SyntheticSeries.Support(300, 1, seed: 2, noise: 1)),
        };
        var run = new VolumeForecaster(Clock, new ForecastOptions { Horizon = 14, GradientBoosting = false }).Forecast(series);

        Assert.Equal(Clock.Now, run.GeneratedAt);
        Assert.Equal(["total", "client:quiet"], run.Series.Select(s => s.Key));
        foreach (var forecast in run.Series)
        {
            Assert.NotNull(forecast.BacktestMase);
            Assert.Equal(14, forecast.Points.Count);
            Assert.Equal(SyntheticSeries.Start.PlusDays(300), forecast.Points[0].Date);
            Assert.Equal(SyntheticSeries.Start.PlusDays(313), forecast.Points[^1].Date);
            Assert.All(forecast.Points, p =>
            {
                Assert.True(p.Lo95 <= p.Lo80 && p.Lo80 <= p.Value && p.Value <= p.Hi80 && p.Hi80 <= p.Hi95, p.ToString());
                Assert.True(p.Lo95 >= 0 && p.Value >= 0);
            });
        }

        Assert.True(run.Coverage.Points > 0);
    }

    [Fact]
    public void A_series_too_short_to_backtest_has_no_intervals_rather_than_zero_width_ones()
    {
        var run = new VolumeForecaster(Clock, new ForecastOptions { Horizon = 7, GradientBoosting = false })
            .Forecast([SyntheticSeries.Series("client:new", SyntheticSeries.Weekly(20, 5))]);
        var forecast = Assert.Single(run.Series);
        // Nothing to choose by, so the series keeps the default combination (ETS and Theta without the boosted model).
        Assert.Equal("comb-ets-theta", forecast.Model);
        Assert.Null(forecast.BacktestMase);
        Assert.All(forecast.Points, p => Assert.Null(p.Lo80));
        Assert.Null(run.Coverage.Coverage80);
    }

    [Fact]
    public void Horizon_outside_1_to_90_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeForecaster(Clock, new ForecastOptions { Horizon = 91 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeForecaster(Clock, new ForecastOptions { Horizon = 0 }));
    }

    [Fact]
    public void Weekly_aggregation_sums_whole_iso_weeks()
    {
        // Starting on a Wednesday: the first five days are a partial week and left out; 3 whole weeks follow.
        var daily = new VolumeSeries("total", SyntheticSeries.Start.PlusDays(2), Enumerable.Range(0, 5 + 21 + 3).Select(i => (double)i).ToArray());
        var weekly = daily.ToWeekly();
        Assert.Equal(SeriesFrequency.Weekly, weekly.Frequency);
        Assert.Equal(SyntheticSeries.Start.PlusDays(7), weekly.Start);
        // Week 1 holds values 5..11 (sum 56), week 2 12..18 (105), week 3 19..25 (154).
        Assert.Equal([56.0, 105, 154], weekly.Values);
    }

    [Fact]
    public void Weekly_series_are_forecast_in_weeks()
    {
        var daily = SyntheticSeries.Series("total", SyntheticSeries.Support(7 * 120, 100, seed: 31, trend: 0.0005, noise: 5, holidays: true));
        var run = new VolumeForecaster(Clock, new ForecastOptions { Horizon = 13 }).Forecast([daily.ToWeekly()]);
        Assert.Equal(SeriesFrequency.Weekly, run.Frequency);
        var points = run.Series[0].Points;
        Assert.Equal(13, points.Count);
        Assert.All(points, p => Assert.Equal(NodaTime.IsoDayOfWeek.Monday, p.Date.DayOfWeek));
        Assert.Equal(SyntheticSeries.Start.PlusWeeks(120), points[0].Date);
        // A week is about 7 · 100 · (1 + 0.0005 · 840) = 994 contacts by the end of the history.
        Assert.InRange(points[0].Value, 850, 1150);
    }
}
