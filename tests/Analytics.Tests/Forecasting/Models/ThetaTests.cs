using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Tests.Forecasting.Models;

public sealed class ThetaTests
{
    [Fact]
    public void On_a_straight_line_theta_extrapolates_half_the_slope()
    {
        // y = 10 + 4t: SES follows it with α → 1, so the forecast is the last value plus the drift 4/2 per step.
        var y = Enumerable.Range(0, 60).Select(t => 10 + 4.0 * t).ToArray();
        var forecast = new Theta().Forecast(SeriesHistory.Undated("line", y, 1, SeriesFrequency.Weekly), 5);
        for (var h = 1; h <= 5; h++)
        {
            Assert.Equal(y[^1] + 2.0 * h, forecast[h - 1], 0.5);
        }
    }

    [Fact]
    public void A_seasonal_series_keeps_its_weekday_pattern()
    {
        var y = SyntheticSeries.Support(140, 100, seed: 8, noise: 1);
        var forecast = new Theta().Forecast(SeriesHistory.Undated("week", y, 7, SeriesFrequency.Daily), 7);
        for (var h = 0; h < 7; h++)
        {
            Assert.Equal(100 * SyntheticSeries.Week[h], forecast[h], 3.0);
        }
    }

    [Fact]
    public void Naive2_without_seasonality_is_the_last_value()
    {
        var y = new[] { 5.0, 7, 6, 8, 9 };
        Assert.Equal([9.0, 9.0], new Naive2().Forecast(SeriesHistory.Undated("s", y, 1, SeriesFrequency.Weekly), 2));
    }
}
