using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Tests.Forecasting.Models;

public sealed class SeasonalNaiveTests
{
    [Fact]
    public void Repeats_the_last_week()
    {
        var y = SyntheticSeries.Weekly(30, 100);
        var forecast = new SeasonalNaive().Forecast(SeriesHistory.Undated("s", y, 7, SeriesFrequency.Daily), 10);
        // Observation 30 is weekday 30 mod 7 = 2 (Wednesday, 1.1), so the forecast starts 110, 110, 100, 70, 60, 130, 120, 110, ...
        Assert.Equal([110, 110, 100, 70, 60, 130, 120, 110, 110, 100], forecast.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void A_history_shorter_than_a_season_repeats_its_last_value()
    {
        var forecast = new SeasonalNaive().Forecast(SeriesHistory.Undated("s", [3, 5, 4], 7, SeriesFrequency.Daily), 3);
        Assert.Equal([4.0, 4.0, 4.0], forecast);
    }

    [Fact]
    public void Naive_repeats_the_last_value()
    {
        var forecast = SeasonalNaive.Naive.Forecast(SeriesHistory.Undated("s", SyntheticSeries.Weekly(14, 10), 7, SeriesFrequency.Daily), 2);
        Assert.Equal([6.0, 6.0], forecast.Select(v => Math.Round(v, 6)));
    }
}
