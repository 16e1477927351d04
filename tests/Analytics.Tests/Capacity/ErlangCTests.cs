using SupportLens.Analytics.Capacity;

namespace SupportLens.Analytics.Tests.Capacity;

public sealed class ErlangCTests
{
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromSeconds(180);

    [Fact]
    public void Four_hundred_calls_an_hour_at_three_minutes_need_24_agents_for_80_percent_in_30_seconds()
    {
        // A = 400 · 180 / 3600 = 20 Erlangs.
        var target = new ServiceLevelTarget(0.80, TimeSpan.FromSeconds(30), ThreeMinutes, MaxOccupancy: 1);
        var staffing = ErlangC.RequiredAgents(400, TimeSpan.FromHours(1), target);
        Assert.Equal(24, staffing.Agents);
        Assert.Equal(20, staffing.TrafficErlangs, 9);
        Assert.Equal(0.748, ErlangC.ServiceLevel(23, 20, ThreeMinutes, TimeSpan.FromSeconds(30)), 3);
        Assert.True(staffing.ServiceLevel >= 0.80);
        Assert.Equal(20.0 / 24, staffing.Occupancy, 9);
    }

    [Fact]
    public void Wait_probability_by_hand()
    {
        // N = 3, A = 2: (A³/3!)·N/(N−A) = 4 against 1 + 2 + 2 + 4 = 9 → C = 4/9.
        Assert.Equal(4.0 / 9, ErlangC.WaitProbability(3, 2), 12);
        // ASA = C·AHT/(N−A) = 4/9 · 180 s = 80 s.
        Assert.Equal(80, ErlangC.AverageSpeedOfAnswer(3, 2, ThreeMinutes).TotalSeconds, 9);
        Assert.Equal(1, ErlangC.WaitProbability(2, 2));
    }

    [Fact]
    public void Thousands_of_erlangs_stay_finite()
    {
        // 100 000 calls an hour at 3 minutes is 5 000 Erlangs; n! and Aⁿ would overflow long before.
        var target = new ServiceLevelTarget(0.80, TimeSpan.FromSeconds(60), ThreeMinutes, MaxOccupancy: 1);
        var staffing = ErlangC.RequiredAgents(100_000, TimeSpan.FromHours(1), target);
        Assert.InRange(staffing.Agents, 5001, 5100);
        Assert.True(double.IsFinite(staffing.ServiceLevel) && staffing.ServiceLevel >= 0.8);
    }

    [Fact]
    public void Maximum_occupancy_can_be_the_binding_limit()
    {
        // 20 Erlangs at most 50 % busy need 40 agents, although far fewer would answer in time.
        var target = new ServiceLevelTarget(0.80, TimeSpan.FromSeconds(60), ThreeMinutes, MaxOccupancy: 0.5);
        Assert.Equal(40, ErlangC.RequiredAgents(400, TimeSpan.FromHours(1), target).Agents);
    }

    [Fact]
    public void No_contacts_need_no_agents()
    {
        var target = new ServiceLevelTarget(0.80, TimeSpan.FromSeconds(60), ThreeMinutes);
        Assert.Equal(0, ErlangC.RequiredAgents(0, TimeSpan.FromHours(1), target).Agents);
    }
}
