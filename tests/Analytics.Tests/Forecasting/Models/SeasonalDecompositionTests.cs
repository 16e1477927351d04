using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Tests.Forecasting.Models;

public sealed class SeasonalDecompositionTests
{
    [Fact]
    public void Recovers_the_weekday_shares_of_a_pure_weekly_pattern()
    {
        var y = SyntheticSeries.Weekly(70, 200);
        var decomposition = SeasonalDecomposition.Fit(y, 7, multiplicative: true);
        // The shares average 1.0 already, so normalising leaves them as they are.
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(SyntheticSeries.Week[i], decomposition.IndexAt(i), 9);
        }

        var adjusted = decomposition.Adjust(y);
        Assert.All(adjusted, v => Assert.Equal(200, v, 6));
        Assert.Equal(y[70 - 7], decomposition.Reseasonalise([200.0], 70)[0], 6);
    }

    [Fact]
    public void The_seasonality_test_finds_a_weekly_pattern_and_not_noise()
    {
        Assert.True(SeasonalityTest.IsSeasonal(SyntheticSeries.Support(140, 100, seed: 1, noise: 5), 7));
        // On white noise |acf(7)| exceeds 1.645 standard errors about 10 % of the time: a 90 % test.
        var flagged = Enumerable.Range(0, 400).Count(seed =>
        {
            var random = new Random(seed);
            return SeasonalityTest.IsSeasonal(Enumerable.Range(0, 140).Select(_ => 100 + 10 * random.NextDouble()).ToArray(), 7);
        });
        Assert.InRange(flagged / 400.0, 0.05, 0.15);
        Assert.False(SeasonalityTest.IsSeasonal(SyntheticSeries.Weekly(20, 100), 7)); // fewer than three seasons
    }

    [Fact]
    public void Zeros_fall_back_to_an_additive_decomposition()
    {
        var y = SyntheticSeries.Weekly(70, 10).Select((v, t) => t % 7 == 6 ? 0 : v).ToArray();
        var decomposition = SeasonalDecomposition.Detect(y, 7);
        Assert.False(decomposition.Multiplicative);
        Assert.Equal(0, decomposition.Indices.Sum(), 9);
    }
}
