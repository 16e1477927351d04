using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.Models;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Forecasting.Models;

public sealed class GradientBoostedForecasterTests
{
    // Four clients of different sizes, two years to 2025-11-16 (a Sunday), holidays at 10 % of normal volume.
    private const int Days = 686;

    private static SeriesHistory[] Panel() =>
        new[] { 20.0, 60, 150, 400 }
            .Select((level, i) => SeriesHistory.Of(
                SyntheticSeries.Series($"client:{i}", SyntheticSeries.Support(Days, level, seed: i, noise: level * 0.05, holidays: true)),
                HolidaySet.UsFederal))
            .ToArray();

    [Fact]
    public void Learns_the_weekday_shape_and_the_holidays_across_series()
    {
        var panel = Panel();
        Assert.Equal(new LocalDate(2025, 11, 16), panel[0].DateAt(Days - 1));
        var forecasts = new GradientBoostedForecaster(seed: 42, iterations: 200).Forecast(panel, 14);
        for (var s = 0; s < panel.Length; s++)
        {
            var level = new[] { 20.0, 60, 150, 400 }[s];
            // Day 0 of the horizon is Monday 17 November; day 10 is Thanksgiving (Thursday 27 November).
            Assert.Equal(level * 1.3, forecasts[s][0], level * 0.15);
            Assert.True(forecasts[s][10] < 0.5 * level, $"Thanksgiving forecast {forecasts[s][10]} for level {level}");
            Assert.Equal(level * 1.1, forecasts[s][3], level * 0.15); // the Thursday before it is an ordinary Thursday
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_forecast()
    {
        var panel = Panel();
        var first = new GradientBoostedForecaster(seed: 7, iterations: 50).Forecast(panel, 7);
        var second = new GradientBoostedForecaster(seed: 7, iterations: 50).Forecast(panel, 7);
        Assert.Equal(first.SelectMany(f => f), second.SelectMany(f => f));
    }

    [Fact]
    public void Too_little_history_falls_back_to_the_seasonal_naive_baseline()
    {
        var tiny = SeriesHistory.Of(SyntheticSeries.Series("tiny", SyntheticSeries.Weekly(30, 10)), HolidaySet.UsFederal);
        var forecast = new GradientBoostedForecaster().Forecast([tiny], 7)[0];
        Assert.Equal(SeasonalNaive.Repeat(tiny.Values, 7, 7), forecast);
    }

    [Fact]
    public void A_history_with_nothing_to_learn_falls_back_to_the_baseline_instead_of_failing()
    {
        // One ticket, then a year of quiet days (a fresh install that loaded one vendor export): every label is the
        // same, LightGBM grows no split, and ML.NET cannot build a model from its splitless trees.
        var quiet = new double[400];
        quiet[0] = 1;
        var history = SeriesHistory.Of(SyntheticSeries.Series("quiet", quiet), HolidaySet.UsFederal);
        var forecast = new GradientBoostedForecaster().Forecast([history], 7)[0];
        Assert.Equal(SeasonalNaive.Repeat(history.Values, 7, 7), forecast);
    }
}
