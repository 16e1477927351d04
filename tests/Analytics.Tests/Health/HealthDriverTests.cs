using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Health.HealthFixtures;

namespace SupportLens.Analytics.Tests.Health;

public sealed class HealthDriverTests
{
    [Fact]
    public void The_three_components_that_cost_the_most_points_are_said_in_words()
    {
        var drivers = Scorer().Score(Professional()).Drivers;

        // Points lost = share × (100 − score): CSAT 20/95·50 = 10.53, SLA 20/95·25 = 5.26, NPS 15/95·25 = 3.95,
        // then incidents 2.63, escalations 2.11, reopens 1.05, renewal 0.88, FCR 0.
        Assert.Equal([HealthComponent.Csat, HealthComponent.Sla, HealthComponent.Nps], drivers.Select(d => d.Component));
        Assert.Equal(20.0 / 95 * 50, drivers[0].PointsLost, 9);
        Assert.Equal("CSAT 80 % on 20 surveys in the last 90 days, target 90 %", drivers[0].Text);
        Assert.Equal("3 SLA breaches on urgent tickets in the last 30 days (5 in all; 90 % of 50 targets met, target 95 %)", drivers[1].Text);
        // Previous window: 6 promoters, 2 passives, 2 detractors = 40.
        Assert.Equal("NPS fell from 40 to 30 in the last 90 days (10 answers, target 60)", drivers[2].Text);
    }

    [Fact]
    public void Negative_nps_is_written_with_a_minus_sign()
    {
        // Now 2 promoters, 2 passives, 6 detractors = −40; before 5 promoters, 4 passives, 1 detractor = 40.
        var inputs = Professional() with { Nps = new NpsFacts(new NetPromoterScore(2, 2, 6), new NetPromoterScore(5, 4, 1)) };

        var nps = Scorer().Score(inputs).Drivers.Single(d => d.Component == HealthComponent.Nps);

        Assert.Equal("NPS fell from 40 to \u221240 in the last 90 days (10 answers, target 60)", nps.Text);
    }

    [Fact]
    public void Nps_without_an_earlier_window_says_where_it_stands()
    {
        var inputs = Professional() with { Nps = new NpsFacts(new NetPromoterScore(0, 1, 1), null) };

        var nps = Scorer().Score(inputs).Drivers.Single(d => d.Component == HealthComponent.Nps);

        // 0 promoters, 1 detractor of 2 = −50.
        Assert.Equal("NPS \u221250 on 2 answers in the last 90 days, target 60", nps.Text);
    }

    [Fact]
    public void Each_component_has_its_own_sentence()
    {
        // Everything else perfect, so these four are the drivers in turn.
        var perfect = Professional() with
        {
            Csat = new Proportion(20, 20),
            Nps = new NpsFacts(new NetPromoterScore(10, 0, 0), null),
            Sla = new SlaFacts(1, 6, 0),
            Fcr = new Proportion(20, 40),
            Escalations = new Proportion(12, 40),
            Reopens = new Proportion(1, 1),
            Incidents = new IncidentFacts(1, 0, 2, 0),
            VolumeSpikes = new SpikeFacts(4, 30),
            NextRenewal = AsOf.PlusDays(1),
        };
        var settings = HealthSettings.Default with { MaximumDrivers = 9, MinimumDriverPoints = 0.01, MinimumTickets = 1 };

        var texts = Scorer(settings).Score(perfect).Drivers.ToDictionary(d => d.Component, d => d.Text);

        Assert.Equal("6 SLA breaches in the last 30 days (14.3 % of 7 targets met, target 95 %)", texts[HealthComponent.Sla]);
        Assert.Equal("20 of 40 solved tickets resolved at first contact in the last 30 days (50 %, target 90 %)", texts[HealthComponent.Fcr]);
        Assert.Equal("12 of 40 tickets escalated in the last 30 days (30 %, ceiling 10 %)", texts[HealthComponent.Escalations]);
        Assert.Equal("1 of 1 solved ticket reopened in the last 30 days (100 %)", texts[HealthComponent.Reopens]);
        Assert.Equal("Hit by 3 incidents in the last 30 days (1 of severity 1, 2 of severity 3)", texts[HealthComponent.Incidents]);
        Assert.Equal("Ticket volume spiked on 4 of the last 30 days", texts[HealthComponent.VolumeSpikes]);
        Assert.Equal("Renewal in 1 day (2026-10-02)", texts[HealthComponent.RenewalProximity]);
        // CSAT 100 % and NPS 100 cost nothing, so they are never drivers.
        Assert.False(texts.ContainsKey(HealthComponent.Csat));
        Assert.False(texts.ContainsKey(HealthComponent.Nps));
    }

    [Fact]
    public void Components_that_cost_the_same_points_are_ordered_by_component()
    {
        // FCR 80 % (10 under target) and escalations 20 % (10 over the ceiling) both score 50 at the same weight (10);
        // everything else perfect.
        var inputs = new ClientHealthInputs(
            "C-300", SupportTier.Professional, AsOf,
            Csat: new Proportion(20, 20),
            Sla: new SlaFacts(50, 0, 0),
            Escalations: new Proportion(8, 40),
            Fcr: new Proportion(32, 40));

        var drivers = Scorer().Score(inputs).Drivers;

        Assert.Equal([HealthComponent.Fcr, HealthComponent.Escalations], drivers.Select(d => d.Component));
        Assert.Equal(drivers[0].PointsLost, drivers[1].PointsLost, 9);
    }

    [Fact]
    public void A_healthy_client_has_no_drivers_below_the_minimum()
    {
        var inputs = new ClientHealthInputs(
            "C-301", SupportTier.Starter, AsOf,
            Csat: new Proportion(20, 20),
            Sla: new SlaFacts(50, 0, 0),
            // Escalations 2.5 %: score 100; reopens 1 of 40 = 2.5 %: score 90, share 5/55 -> 0.9 points lost, under 2.
            Escalations: new Proportion(1, 40),
            Reopens: new Proportion(1, 40));

        var score = Scorer().Score(inputs);

        Assert.Equal(99, score.Score);
        Assert.Empty(score.Drivers);
    }

    [Fact]
    public void Renewal_today_is_said_as_today() =>
        Assert.Equal(
            "Renewal today (2026-10-01)",
            Scorer().Score(Professional() with { NextRenewal = AsOf, Csat = null, Nps = null, Sla = null, Incidents = null })
                .Drivers.Single(d => d.Component == HealthComponent.RenewalProximity).Text);
}
