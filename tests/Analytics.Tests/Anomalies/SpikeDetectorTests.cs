using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Tests.Forecasting;

namespace SupportLens.Analytics.Tests.Anomalies;

public sealed class SpikeDetectorTests
{
    [Fact]
    public void Finds_an_incident_day_with_its_expected_range()
    {
        // 100 a day with the weekday shape and noise; day 150 (a Wednesday, expected 110) gets 400.
        var values = SyntheticSeries.Support(210, 100, seed: 21, noise: 4);
        values[150] = 400;
        var spikes = new SpikeDetector().Detect(SyntheticSeries.Series("client:acme/chat", values));

        var spike = Assert.Single(spikes);
        Assert.Equal("client:acme/chat", spike.SeriesKey);
        Assert.Equal(SyntheticSeries.Start.PlusDays(150), spike.Date);
        Assert.Equal(400, spike.Volume);
        Assert.Equal(110, spike.Expected, 8.0);
        Assert.True(spike.ExpectedLow < 110 && spike.ExpectedHigh > 110 && spike.ExpectedHigh < 400);
        Assert.Equal(SpikeDirection.High, spike.Direction);
        Assert.True(spike.Score > 3.5);
    }

    [Fact]
    public void A_level_shift_is_not_a_run_of_spikes()
    {
        var values = SyntheticSeries.Support(210, 100, seed: 22, noise: 4, shiftAt: 100, shift: 60);
        Assert.Empty(new SpikeDetector().Detect(SyntheticSeries.Series("total", values)));
    }

    [Fact]
    public void Weekends_and_holiday_dips_are_expected()
    {
        // Quiet weekends are the weekly pattern; holidays at 10 % of normal are dips the calendar explains.
        var values = SyntheticSeries.Support(366, 200, seed: 23, noise: 5, holidays: true);
        Assert.Empty(new SpikeDetector().Detect(SyntheticSeries.Series("total", values)));
    }

    [Fact]
    public void A_dead_channel_is_a_low_spike()
    {
        var values = SyntheticSeries.Support(120, 80, seed: 24, noise: 3);
        values[60] = 0; // Thursday 1 March 2024, not a holiday
        var spike = Assert.Single(new SpikeDetector().Detect(SyntheticSeries.Series("channel:phone", values)));
        Assert.Equal(SpikeDirection.Low, spike.Direction);
        Assert.False(spike.Holiday);
    }

    [Fact]
    public void A_quiet_client_is_judged_on_counts_not_on_a_zero_spread()
    {
        // 1 ticket every weekday, none at weekends: MAD is 0, so without the Poisson floor any 2 would be a spike.
        var values = Enumerable.Range(0, 140).Select(t => t % 7 < 5 ? 1.0 : 0).ToArray();
        values[30] = 2;
        values[80] = 12;
        var spikes = new SpikeDetector().Detect(SyntheticSeries.Series("client:small", values));
        Assert.Equal([SyntheticSeries.Start.PlusDays(80)], spikes.Select(s => s.Date));
    }
}
