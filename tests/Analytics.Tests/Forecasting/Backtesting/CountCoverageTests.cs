using MathNet.Numerics.Distributions;
using SupportLens.Analytics.Forecasting;

namespace SupportLens.Analytics.Tests.Forecasting.Backtesting;

/// <summary>
/// Coverage on days no fit, choice or calibration saw, on daily contact counts whose noise is known: Poisson (the
/// least noise counts can have) and gamma-Poisson (over-dispersed, as real queues are), around a support desk's
/// weekday shape, at levels from a couple of tickets a day to hundreds.
/// </summary>
public sealed class CountCoverageTests
{
    private const int History = 364;
    private const int Held = 28;

    private static readonly double[] Levels = [2, 10, 50, 250];

    [Fact]
    public void Poisson_counts_at_every_level_land_near_nominal_coverage()
    {
        var full = Levels.SelectMany((level, l) => Enumerable.Range(0, 8).Select(i => Counts(level, seed: 100 * l + i, dispersion: null))).ToArray();
        var (coverage, byLevel, run) = Judge(full);

        Assert.InRange(coverage.Rate80, 0.75, 0.85);
        Assert.InRange(coverage.Rate95, 0.92, 0.98);
        // Each level on its own, 224 days: wider ranges, but no level pays for another (as unscaled pooled errors did).
        Assert.All(byLevel, c => Assert.InRange(c.Rate80, 0.70, 0.90));
        Assert.All(byLevel, c => Assert.InRange(c.Rate95, 0.88, 1.0));
        // The run's own hold-out says the same.
        Assert.InRange(run.Coverage.Coverage80!.Value, 0.72, 0.88);
        Assert.InRange(run.Coverage.Coverage95!.Value, 0.90, 0.99);
    }

    [Fact]
    public void Over_dispersed_counts_get_wider_intervals_and_still_land_near_nominal()
    {
        // Gamma-Poisson with shape 4: variance μ + μ²/4, at 50 a day a standard deviation of 25.5 against Poisson's 7.1.
        var full = Enumerable.Range(0, 24).Select(i => Counts(50, seed: 900 + i, dispersion: 4)).ToArray();
        var (coverage, _, run) = Judge(full);

        Assert.InRange(coverage.Rate80, 0.75, 0.85);
        Assert.InRange(coverage.Rate95, 0.92, 0.98);
        // Half the 80 % interval on the first Monday ahead is well beyond Poisson's z80·√μ ≈ 1.28·√65 ≈ 10.
        var monday = run.Series.Select(s => s.Points.First(p => p.Date.DayOfWeek == NodaTime.IsoDayOfWeek.Monday)).ToArray();
        Assert.All(monday, p => Assert.True(p.Hi80 - p.Value > 15, $"half-width {p.Hi80 - p.Value:F1} at {p.Value:F1}"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Coverage_holds_for_other_seeds(int seed)
    {
        var full = Levels.SelectMany((level, l) => Enumerable.Range(0, 4).Select(i => Counts(level, seed: 10_000 * seed + 100 * l + i, dispersion: null))).ToArray();
        var (coverage, _, _) = Judge(full);

        // 16 series × 28 days: the binomial spread alone is ±1.9 points at 80 %; days of a series share its forecast error.
        Assert.InRange(coverage.Rate80, 0.72, 0.88);
        Assert.InRange(coverage.Rate95, 0.90, 0.99);
    }

    /// <summary>Forecasts the first <see cref="History"/> days of each series and checks the next <see cref="Held"/>.</summary>
    private static (Coverage All, Coverage[] ByLevel, ForecastRun Run) Judge(double[][] full)
    {
        var run = new VolumeForecaster(new FixedTime(DateTimeOffset.UnixEpoch), new ForecastOptions { Horizon = Held, GradientBoosting = false })
            .Forecast(full.Select((v, i) => SyntheticSeries.Series($"s{i}", v[..History])).ToArray());
        var all = new Coverage();
        var byLevel = new Dictionary<double, Coverage>();
        for (var s = 0; s < full.Length; s++)
        {
            var level = Levels.OrderBy(l => Math.Abs(l - full[s][..History].Average())).First();
            var perLevel = byLevel.TryGetValue(level, out var c) ? c : byLevel[level] = new Coverage();
            for (var h = 0; h < Held; h++)
            {
                var actual = full[s][History + h];
                var p = run.Series[s].Points[h];
                all.Add(actual, p);
                perLevel.Add(actual, p);
            }
        }

        return (all, byLevel.Values.ToArray(), run);
    }

    /// <summary>Daily counts around level × weekday share; Poisson, or gamma-Poisson with the given shape.</summary>
    private static double[] Counts(double level, int seed, double? dispersion)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, History + Held).Select(t =>
        {
            var mean = level * SyntheticSeries.Week[t % 7];
            var rate = dispersion is { } shape ? Gamma.Sample(random, shape, shape / mean) : mean;
            return (double)Poisson.Sample(random, rate);
        }).ToArray();
    }

    private sealed class Coverage
    {
        private int _points;
        private int _in80;
        private int _in95;

        public double Rate80 => (double)_in80 / _points;

        public double Rate95 => (double)_in95 / _points;

        public void Add(double actual, ForecastPoint p)
        {
            _points++;
            _in80 += actual >= p.Lo80 && actual <= p.Hi80 ? 1 : 0;
            _in95 += actual >= p.Lo95 && actual <= p.Hi95 ? 1 : 0;
        }
    }
}
