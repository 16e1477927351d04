using SupportLens.Analytics.Forecasting.Backtesting;

namespace SupportLens.Analytics.Tests.Forecasting.Backtesting;

public sealed class IsotonicTests
{
    [Fact]
    public void Violators_pool_into_their_mean()
    {
        // 3 > 2 pools to 2.5; then 5 > 1 pools to 3, which is above 2.5 and stays.
        Assert.Equal([1, 2.5, 2.5, 3, 3, 6], Isotonic.NonDecreasing([1, 3, 2, 5, 1, 6]));
    }

    [Fact]
    public void A_rising_sequence_is_its_own_fit_and_a_falling_one_its_mean()
    {
        Assert.Equal([1, 2, 2, 7], Isotonic.NonDecreasing([1, 2, 2, 7]));
        Assert.Equal([2, 2, 2], Isotonic.NonDecreasing([3, 2, 1]));
        Assert.Empty(Isotonic.NonDecreasing([]));
    }
}
