using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Health.HealthFixtures;

namespace SupportLens.Analytics.Tests.Health;

public sealed class HealthScorerTests
{
    [Fact]
    public void Every_component_scores_from_its_curve_against_the_tier_and_plan_targets()
    {
        var score = Scorer().Score(Professional());

        Assert.Equal(50, Points(score, HealthComponent.Csat), 9);
        Assert.Equal(75, Points(score, HealthComponent.Nps), 9);
        Assert.Equal(75, Points(score, HealthComponent.Sla), 9);
        Assert.Equal(100, Points(score, HealthComponent.Fcr), 9);
        Assert.Equal(80, Points(score, HealthComponent.Escalations), 9);
        Assert.Equal(80, Points(score, HealthComponent.Reopens), 9);
        Assert.Equal(75, Points(score, HealthComponent.Incidents), 9);
        Assert.Equal(75 + (30.0 / 90 * 25), Points(score, HealthComponent.RenewalProximity), 9);
        Assert.Equal(90, score.Components.Single(c => c.Component == HealthComponent.Csat).Target);
        Assert.Equal(80, score.Components.Single(c => c.Component == HealthComponent.Csat).Figure!.Value, 9);
    }

    [Fact]
    public void Weights_of_unmeasured_components_are_left_out_and_the_rest_renormalised()
    {
        var score = Scorer().Score(Professional());

        // Measured weight 20+15+20+10+10+5+10+5 = 95 of 100 (spikes are not measured).
        // 20·50 + 15·75 + 20·75 + 10·100 + 10·80 + 5·80 + 10·75 + 5·83.33 = 6991.67; / 95 = 73.60 -> 74, amber.
        Assert.Equal(74, score.Score);
        Assert.Equal(HealthBand.Amber, score.Band);
        Assert.Equal(0.95, score.Coverage.WeightShare, 9);
        Assert.Equal(8, score.Coverage.ComponentsMeasured);
        Assert.Equal(new[] { HealthComponent.VolumeSpikes }, score.Coverage.Unmeasured);
        Assert.Equal(20.0 / 95, score.Components.Single(c => c.Component == HealthComponent.Csat).Share, 9);
        Assert.Equal(0, score.Components.Single(c => c.Component == HealthComponent.VolumeSpikes).Share);
        Assert.Equal("no spike detection", score.Components.Single(c => c.Component == HealthComponent.VolumeSpikes).NotMeasured);
        // 20 CSAT answers + 10 NPS answers; 40 tickets in the window.
        Assert.Equal(30, score.Coverage.SurveyAnswers);
        Assert.Equal(40, score.Coverage.Tickets);
    }

    [Fact]
    public void Without_surveys_the_ticket_components_carry_the_score()
    {
        var score = Scorer().Score(Professional() with { Csat = null, Nps = null });

        // Measured weight 95 − 20 − 15 = 60: 20·75 + 10·100 + 10·80 + 5·80 + 10·75 + 5·83.33 = 4866.67; / 60 = 81.11 -> 81, green.
        Assert.Equal(81, score.Score);
        Assert.Equal(HealthBand.Green, score.Band);
        Assert.Equal(0.60, score.Coverage.WeightShare, 9);
        Assert.Equal(new[] { HealthComponent.Csat, HealthComponent.Nps, HealthComponent.VolumeSpikes }, score.Coverage.Unmeasured);
    }

    [Fact]
    public void Too_few_answers_or_tickets_count_as_no_data()
    {
        var score = Scorer().Score(Professional() with { Csat = new Proportion(0, 4), Fcr = new Proportion(1, 4) });

        var csat = score.Components.Single(c => c.Component == HealthComponent.Csat);
        Assert.Null(csat.Score);
        Assert.Equal(4, csat.Evidence);
        Assert.Equal("fewer than 5 CSAT answers", csat.NotMeasured);
        Assert.Null(score.Components.Single(c => c.Component == HealthComponent.Fcr).Score);
    }

    [Fact]
    public void A_client_with_too_little_data_is_not_measured_rather_than_healthy()
    {
        // Only incidents (10) and renewal (5) have data: 15 % of the weight, under the 25 % minimum.
        var inputs = new ClientHealthInputs("C-101", SupportTier.Starter, AsOf, Incidents: IncidentFacts.None, NextRenewal: AsOf.PlusDays(300));

        var score = Scorer().Score(inputs);

        Assert.Null(score.Score);
        Assert.Null(score.Band);
        Assert.Empty(score.Drivers);
        Assert.Equal(0.15, score.Coverage.WeightShare, 9);
        Assert.Equal(2, score.Coverage.ComponentsMeasured);
    }

    [Fact]
    public void A_client_with_no_data_at_all_is_not_measured()
    {
        var score = Scorer().Score(new ClientHealthInputs("C-102", SupportTier.Business, AsOf));

        Assert.Null(score.Score);
        Assert.Equal(0, score.Coverage.WeightShare);
        Assert.Equal(9, score.Coverage.Unmeasured.Length);
    }

    [Fact]
    public void Trend_compares_with_the_score_thirty_days_earlier()
    {
        var scorer = Scorer();
        // 30 days earlier everything was on target but the same incident and renewal: 20·100 + 15·100 + 20·100 + 10·100
        // + 10·80 + 5·80 + 10·75 + 5·(renewal 150 days away: 75 + 60/90·25 = 91.67) = 8908.33; / 95 = 93.77 -> 94.
        var earlier = scorer.Score(Professional() with
        {
            AsOf = AsOf.PlusDays(-30),
            Csat = new Proportion(19, 20),
            Nps = new NpsFacts(new NetPromoterScore(8, 2, 0), null),
            Sla = new SlaFacts(50, 0, 0),
        });
        Assert.Equal(94, earlier.Score);

        var trend = scorer.Score(Professional(), earlier).Trend!;

        Assert.Equal(new LocalDate(2026, 9, 1), trend.EarlierAsOf);
        Assert.Equal(94, trend.EarlierScore);
        Assert.Equal(HealthBand.Green, trend.EarlierBand);
        Assert.Equal(74 - 94, trend.Change);
        Assert.Equal(TrendDirection.Declining, trend.Direction);
    }

    [Theory]
    // CSAT alone, identity curve: score = 100 + (CSAT % − 90); n good of 40 is 2.5n %, so the score is 2.5n + 10,
    // rounded half away from zero. 30 days earlier 28 of 40: 80.
    [InlineData(32, 10, TrendDirection.Improving)] // 90
    [InlineData(30, 5, TrendDirection.Improving)] // 85: five points is a change
    [InlineData(29, 3, TrendDirection.Steady)] // 82.5 -> 83
    [InlineData(27, -2, TrendDirection.Steady)] // 77.5 -> 78
    [InlineData(26, -5, TrendDirection.Declining)] // 75
    [InlineData(24, -10, TrendDirection.Declining)] // 70
    public void A_change_under_five_points_is_steady(int csatGood, int expectedChange, TrendDirection expected)
    {
        var scorer = Scorer(CsatOnly());
        var earlier = scorer.Score(Bare(AsOf.PlusDays(-30), 28, 40));
        Assert.Equal(80, earlier.Score);

        var trend = scorer.Score(Bare(AsOf, csatGood, 40), earlier).Trend!;

        Assert.Equal(expectedChange, trend.Change);
        Assert.Equal(expected, trend.Direction);
    }

    [Fact]
    public void No_trend_without_an_earlier_score_and_an_earlier_score_of_the_wrong_day_is_refused()
    {
        var scorer = Scorer();
        Assert.Null(scorer.Score(Professional()).Trend);

        var wrongDay = scorer.Score(Professional() with { AsOf = AsOf.PlusDays(-29) });
        var error = Assert.Throws<ArgumentException>(() => scorer.Score(Professional(), wrongDay));
        Assert.Contains("2026-09-01", error.Message);

        var otherClient = scorer.Score(Professional() with { ClientId = "C-999", AsOf = AsOf.PlusDays(-30) });
        Assert.Throws<ArgumentException>(() => scorer.Score(Professional(), otherClient));
    }

    [Fact]
    public void Invalid_settings_are_refused_with_their_key_paths()
    {
        var settings = HealthSettings.Default with
        {
            Weights = HealthSettings.Default.Weights.SetItem(HealthComponent.Reopens, -1),
            Curves = HealthSettings.Default.Curves.SetItem(HealthComponent.Nps, ScoreCurve.Of((0, 50), (0, 100))),
            GreenFrom = 50,
        };

        var error = Assert.Throws<ArgumentException>(() => Scorer(settings));

        Assert.Contains("health.weights.reopens: must be 0 or more", error.Message);
        Assert.Contains("health.curves.nps[1]: figures must increase", error.Message);
        Assert.Contains("health.bands", error.Message);
        Assert.Empty(HealthSettings.Default.Problems());
    }

    /// <summary>CSAT alone, with an identity curve (score = 100 + points against target) and no coverage minimum.</summary>
    internal static HealthSettings CsatOnly() => HealthSettings.Default with
    {
        Weights = HealthSettings.Default.Weights.ToDictionary(w => w.Key, w => w.Key == HealthComponent.Csat ? 1.0 : 0.0).ToImmutableDictionary(),
        Curves = HealthSettings.Default.Curves.SetItem(HealthComponent.Csat, ScoreCurve.Of((-100, 0), (0, 100))),
        MinimumCoverage = 0,
    };

    internal static ClientHealthInputs Bare(LocalDate asOf, long good, long answered = 20) =>
        new("C-200", SupportTier.Professional, asOf, Csat: new Proportion(good, answered));
}
