using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SupportLens.Analytics.Forecasting;

namespace SupportLens.Analytics.Tests.Forecasting;

public sealed class ForecastProperties
{
    private static readonly VolumeForecaster Forecaster = new(
        new FixedTime(DateTimeOffset.UnixEpoch), new ForecastOptions { Horizon = 14, Origins = 2, GradientBoosting = false });

    /// <summary>Any history of daily counts: lengths from a few days to a quarter, zeros and bursts included.</summary>
    private static Arbitrary<int[]> Counts() =>
        Gen.Choose(0, 60).ArrayOf().Where(a => a.Length is >= 3 and <= 120).ToArbitrary();

    [Property(MaxTest = 25)]
    public Property Forecasts_are_finite_non_negative_and_intervals_nest() => Prop.ForAll(Counts(), counts =>
    {
        var run = Forecaster.Forecast([new VolumeSeries("s", SyntheticSeries.Start, counts.Select(c => (double)c).ToArray())]);
        return run.Series[0].Points.All(p =>
            double.IsFinite(p.Value) && p.Value >= 0
            && (p.Lo80 is null || (p.Lo95 <= p.Lo80 && p.Lo80 <= p.Value && p.Value <= p.Hi80 && p.Hi80 <= p.Hi95 && p.Lo95 >= 0)));
    });
}
