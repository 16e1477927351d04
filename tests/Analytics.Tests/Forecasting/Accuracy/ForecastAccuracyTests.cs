using SupportLens.Analytics.Forecasting.Accuracy;

namespace SupportLens.Analytics.Tests.Forecasting.Accuracy;

public sealed class ForecastAccuracyTests
{
    [Fact]
    public void Smape_by_hand()
    {
        // 200·|100−110|/210 = 9.5238, 200·|50−40|/90 = 22.2222, 200·0/0 counts as 0 → mean 10.5820.
        Assert.Equal(10.5820, ForecastAccuracy.Smape([100, 50, 0], [110, 40, 0]), 4);
    }

    [Fact]
    public void Mase_by_hand()
    {
        // History 1, 3, 2, 5: one-step naive errors 2, 1, 3 → scale 2. Errors 1 and 3 → MAE 2 → MASE 1.
        double[] history = [1, 3, 2, 5];
        var scale = ForecastAccuracy.SeasonalNaiveScale(history, 1);
        Assert.Equal(2, scale);
        Assert.Equal(1, ForecastAccuracy.Mase([6, 8], [5, 5], scale));
        // With lag 2 the errors are |2−1| = 1 and |5−3| = 2 → 1.5; a lag as long as the history falls back to lag 1.
        Assert.Equal(1.5, ForecastAccuracy.SeasonalNaiveScale(history, 2));
        Assert.Equal(2, ForecastAccuracy.SeasonalNaiveScale(history, 4));
    }

    [Fact]
    public void A_constant_history_still_gets_a_usable_scale()
    {
        Assert.Equal(0, ForecastAccuracy.SeasonalNaiveScale([4, 4, 4, 4], 1));
        Assert.Equal(4, ForecastAccuracy.SafeScale([4, 4, 4, 4], 1));
        Assert.Equal(1, ForecastAccuracy.SafeScale([0, 0, 0], 1));
    }

    [Fact]
    public void Owa_is_the_mean_of_the_two_relative_errors()
    {
        // (8/10 + 2/2.5) / 2 = 0.8.
        Assert.Equal(0.8, ForecastAccuracy.Owa(8, 2, 10, 2.5), 12);
    }
}
