using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Tests.Forecasting.Models;

public sealed class ExponentialSmoothingTests
{
    private readonly ExponentialSmoothing _ets = new();

    [Fact]
    public void A_pure_weekly_pattern_is_forecast_with_its_weekday_shape()
    {
        var y = SyntheticSeries.Support(168, 100, seed: 3, noise: 1);
        var forecast = _ets.Forecast(y, 7, 14, out var fit);
        Assert.NotNull(fit);
        Assert.True(fit.Specification.Seasonal, fit.Specification.ToString());
        for (var h = 0; h < 14; h++)
        {
            // Observation 168 + h falls on weekday (168 + h) mod 7 = h mod 7.
            Assert.Equal(100 * SyntheticSeries.Week[h % 7], forecast[h], 3.0);
        }
    }

    [Fact]
    public void A_trend_is_found_and_extrapolated()
    {
        // 50 + 2t with noise: at t = 129 (h = 10 past t = 119) the line is at 308.
        var random = new Random(11);
        var y = Enumerable.Range(0, 120).Select(t => 50 + 2.0 * t + random.NextDouble() - 0.5).ToArray();
        var forecast = _ets.Forecast(y, 7, 10, out var fit);
        Assert.NotNull(fit);
        Assert.True(fit.Specification.HasTrend, fit.Specification.ToString());
        Assert.Equal(308, forecast[9], 6.0);
    }

    [Fact]
    public void A_flat_noisy_series_gets_no_trend_and_a_flat_forecast()
    {
        var random = new Random(5);
        var y = Enumerable.Range(0, 200).Select(_ => 40 + 4 * (random.NextDouble() - 0.5)).ToArray();
        var forecast = _ets.Forecast(y, 7, 28, out var fit);
        Assert.NotNull(fit);
        Assert.Equal(EtsTrend.None, fit.Specification.Trend);
        Assert.All(forecast, v => Assert.Equal(40, v, 1.5));
    }

    [Fact]
    public void After_a_level_shift_the_forecast_follows_the_new_level()
    {
        // 100 a day with the weekly shape, then +80 from day 300; 64 days later the level must have moved.
        var y = SyntheticSeries.Support(364, 100, seed: 9, noise: 3, shiftAt: 300, shift: 80);
        var forecast = _ets.Forecast(y, 7, 7, out _);
        for (var h = 0; h < 7; h++)
        {
            Assert.Equal(100 * SyntheticSeries.Week[h % 7] + 80, forecast[h], 8.0);
        }
    }

    [Fact]
    public void Fitting_is_maximum_likelihood_not_the_starting_guess()
    {
        // A random walk wants α near 1; the optimiser starts at 0.2.
        var random = new Random(2);
        var y = new double[300];
        y[0] = 500;
        for (var t = 1; t < y.Length; t++)
        {
            y[t] = y[t - 1] + 10 * (random.NextDouble() - 0.5);
        }

        var fit = EtsFit.Fit(y, new EtsSpecification(EtsTrend.None, Seasonal: false), 1)!;
        Assert.True(fit.Parameters.Alpha > 0.8, $"alpha {fit.Parameters.Alpha}");
        Assert.Equal(y[^1], fit.Forecast(1)[0], 5.0);
    }

    [Fact]
    public void Aicc_charges_for_parameters()
    {
        var y = SyntheticSeries.Support(140, 100, seed: 4, noise: 2);
        var simple = EtsFit.Fit(y, new EtsSpecification(EtsTrend.None, true), 7)!;
        var damped = EtsFit.Fit(y, new EtsSpecification(EtsTrend.Damped, true), 7)!;
        // ETS(A,N,A): α, γ, l0, six free seasonal states and σ = 10; the damped trend adds β, φ, b0.
        Assert.Equal(10, simple.ParameterCount);
        Assert.Equal(13, damped.ParameterCount);
        Assert.True(double.IsFinite(simple.Aicc) && double.IsFinite(damped.Aicc));
    }

    [Fact]
    public void Zeros_do_not_break_the_fit()
    {
        var y = SyntheticSeries.Weekly(140, 3).Select((v, t) => t % 7 >= 5 ? 0 : v).ToArray();
        var forecast = _ets.Forecast(y, 7, 7, out _);
        Assert.All(forecast, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0, forecast[5], 0.5); // Saturday
    }
}
