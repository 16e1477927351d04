using SupportLens.Analytics.Forecasting;

namespace SupportLens.Analytics.Tests.Forecasting.Backtesting;

public sealed class IntervalCoverageTests
{
    [Fact]
    public void Intervals_cover_about_their_nominal_share_of_future_values()
    {
        // 30 series with a weekday shape and Gaussian noise; the 28 days after the history are never shown.
        const int length = 364, held = 28;
        var full = Enumerable.Range(0, 30)
            .Select(i => SyntheticSeries.Support(length + held, 40 + 5 * i, seed: 1000 + i, noise: 3 + i % 5))
            .ToArray();
        var run = new VolumeForecaster(new FixedTime(DateTimeOffset.UnixEpoch), new ForecastOptions { Horizon = held, GradientBoosting = false })
            .Forecast(full.Select((v, i) => SyntheticSeries.Series($"s{i}", v[..length])).ToArray());

        int inside80 = 0, inside95 = 0, points = 0;
        for (var s = 0; s < full.Length; s++)
        {
            for (var h = 0; h < held; h++)
            {
                var actual = full[s][length + h];
                var p = run.Series[s].Points[h];
                points++;
                inside80 += actual >= p.Lo80 && actual <= p.Hi80 ? 1 : 0;
                inside95 += actual >= p.Lo95 && actual <= p.Hi95 ? 1 : 0;
            }
        }

        Assert.InRange((double)inside80 / points, 0.72, 0.90);
        Assert.InRange((double)inside95 / points, 0.90, 0.99);
        // The run's own held-out estimate (its latest backtest window) tells the same story.
        Assert.InRange(run.Coverage.Coverage80!.Value, 0.70, 0.92);
        Assert.InRange(run.Coverage.Coverage95!.Value, 0.88, 1.0);
    }
}
