using SupportLens.Analytics.Metrics;

namespace SupportLens.Analytics.Tests.Metrics;

public sealed class StatisticsTests
{
    [Fact]
    public void Wilson_interval_of_three_in_four()
    {
        // p = .75, n = 4, z² = 3.8415: centre = .75 + z²/8 = 1.23018; spread = z·√(.046875 + .060023) = .64083;
        // divided by 1 + z²/4 = 1.96037 → [30.06 %, 95.44 %].
        var csat = new Proportion(3, 4);
        Assert.Equal(75.0, csat.Percent);
        Assert.Equal(30.06, csat.Lower95!.Value, 2);
        Assert.Equal(95.44, csat.Upper95!.Value, 2);
    }

    [Fact]
    public void Wilson_interval_stays_inside_0_and_100_at_the_extremes()
    {
        var all = new Proportion(20, 20);
        Assert.Equal(100.0, all.Percent);
        Assert.Equal(83.89, all.Lower95!.Value, 2);
        Assert.Equal(100.0, all.Upper95!.Value, 6);
        var none = new Proportion(0, 20);
        Assert.Equal(0.0, none.Lower95!.Value, 6);
    }

    [Fact]
    public void No_responses_means_no_percentage_rather_than_zero()
    {
        var empty = new Proportion(0, 0);
        Assert.Null(empty.Percent);
        Assert.Null(empty.Lower95);
        Assert.Null(new NetPromoterScore(0, 0, 0).Score);
        Assert.Null(new NetPromoterScore(0, 0, 0).MarginOfError);
    }

    [Fact]
    public void Nps_and_its_margin_of_error()
    {
        // 3 promoters, 1 passive, 2 detractors: NPS = 100·(3−2)/6 = 16.67;
        // var = .5 + .3333 − (1/6)² = .80556; MoE = 1.96·√(.80556/6) = .71817 → 71.82 points.
        var nps = new NetPromoterScore(3, 1, 2);
        Assert.Equal(16.67, nps.Score!.Value, 2);
        Assert.Equal(71.82, nps.MarginOfError!.Value, 2);
    }

    [Fact]
    public void All_passives_score_zero_with_zero_margin()
    {
        var nps = new NetPromoterScore(0, 7, 0);
        Assert.Equal(0.0, nps.Score);
        Assert.Equal(0.0, nps.MarginOfError);
    }

    [Fact]
    public void All_promoters_score_one_hundred()
    {
        Assert.Equal(100.0, new NetPromoterScore(5, 0, 0).Score);
        Assert.Equal(-100.0, new NetPromoterScore(0, 0, 5).Score);
    }
}
