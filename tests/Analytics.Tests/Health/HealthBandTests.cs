using SupportLens.Analytics.Health;
using static SupportLens.Analytics.Tests.Health.HealthScorerTests;

namespace SupportLens.Analytics.Tests.Health;

public sealed class HealthBandTests
{
    [Theory]
    [InlineData(100, HealthBand.Green)]
    [InlineData(76, HealthBand.Green)]
    [InlineData(75, HealthBand.Amber)]
    [InlineData(51, HealthBand.Amber)]
    [InlineData(50, HealthBand.Red)]
    [InlineData(0, HealthBand.Red)]
    public void Default_bands_are_green_from_76_and_red_up_to_50(int score, HealthBand expected) =>
        Assert.Equal(expected, HealthSettings.Default.BandOf(score));

    [Theory]
    // CSAT alone with an identity curve: score = 100 + (CSAT % − 90) = CSAT % + 10.
    [InlineData(132, 200, 76, HealthBand.Green)] // 66 % -> 76
    [InlineData(131, 200, 76, HealthBand.Green)] // 65.5 % -> 75.5, rounded half away from zero -> 76
    [InlineData(130, 200, 75, HealthBand.Amber)] // 65 % -> 75
    [InlineData(82, 200, 51, HealthBand.Amber)] // 41 % -> 51
    [InlineData(81, 200, 51, HealthBand.Amber)] // 40.5 % -> 50.5 -> 51
    [InlineData(80, 200, 50, HealthBand.Red)] // 40 % -> 50
    public void The_band_is_read_from_the_rounded_score(long good, long answered, int expectedScore, HealthBand expectedBand)
    {
        var score = new HealthScorer(CsatOnly(), HealthFixtures.Targets).Score(Bare(HealthFixtures.AsOf, good, answered));

        Assert.Equal(expectedScore, score.Score);
        Assert.Equal(expectedBand, score.Band);
    }

    [Fact]
    public void Bands_come_from_the_settings()
    {
        var settings = HealthSettings.Default with { GreenFrom = 90, RedUpTo = 70 };

        Assert.Equal(HealthBand.Amber, settings.BandOf(89));
        Assert.Equal(HealthBand.Green, settings.BandOf(90));
        Assert.Equal(HealthBand.Red, settings.BandOf(70));
        Assert.Equal(HealthBand.Amber, settings.BandOf(71));
    }
}
