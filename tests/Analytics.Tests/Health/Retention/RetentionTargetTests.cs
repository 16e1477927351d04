using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Health.Retention;

/// <summary>The plan says "Retention Rate: &gt;95% annually": strictly above, so exactly 95 % misses.</summary>
public sealed class RetentionTargetTests
{
    private static RetentionFigure Year(int clients, int lost)
    {
        var accounts = Enumerable.Range(0, clients).Select(i => new ClientAccount(
            $"C-{i:000}", SupportTier.Starter, ContractStart: new LocalDate(2024, 1, 1), Mrr: 100m,
            ChurnedOn: i < lost ? new LocalDate(2026, 6, 1) : null));
        return ClientRetention.Measure(accounts, RetentionPeriod.Year(2026), 95).All;
    }

    [Fact]
    public void Exactly_the_target_misses_it()
    {
        // 19 of 20 = 95 %: not above 95 %.
        var figure = Year(20, 1);
        Assert.Equal(95.0, figure.ClientRetentionPct);
        Assert.False(figure.ClientTarget.Met);
        Assert.False(figure.MrrTarget.Met);
        Assert.Equal(0.0, figure.ClientTarget.Margin);
    }

    [Fact]
    public void Above_the_target_meets_it()
    {
        // 20 of 21 = 95.24 %.
        var figure = Year(21, 1);
        Assert.True(figure.ClientTarget.Met);
        Assert.Equal("95.24", figure.ClientTarget.Shown(2));
    }
}
