using System.Collections.Immutable;
using FsCheck.Xunit;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using static SupportLens.Analytics.Tests.Health.HealthFixtures;

namespace SupportLens.Analytics.Tests.Health;

/// <summary>Laws of renormalisation, over any subset of measured components and any counts. Seeded: reproducible.</summary>
[Properties(MaxTest = 300, Replay = "20261101,1299709")]
public sealed class HealthScoreProperties
{
    [Property]
    public void Components_that_all_score_the_same_give_that_score_whichever_are_missing(ushort present, byte level)
    {
        var value = level % 101;
        // Every curve flat at the same value, so each measured component scores exactly that.
        var settings = HealthSettings.Default with
        {
            Curves = HealthSettings.Default.Curves.ToDictionary(c => c.Key, _ => ScoreCurve.Of((0, value))).ToImmutableDictionary(),
        };
        var inputs = Subset(present);

        var score = Scorer(settings).Score(inputs);

        var measuredWeight = score.Components.Where(c => c.IsMeasured).Sum(c => c.Weight);
        if (measuredWeight / 100 >= settings.MinimumCoverage)
        {
            Assert.Equal(value, score.Score);
            Assert.Equal(1.0, score.Components.Sum(c => c.Share), 9);
        }
        else
        {
            Assert.Null(score.Score);
        }
        Assert.Equal(measuredWeight / 100, score.Coverage.WeightShare, 9);
    }

    [Property]
    public void The_score_lies_between_the_lowest_and_highest_measured_component(ushort present, ushort good, ushort bad, byte breaches)
    {
        var inputs = Subset(present) with
        {
            Csat = new Proportion(good % 50, (good % 50) + (bad % 50)),
            Sla = new SlaFacts(good % 40, breaches % 40, breaches % 7),
        };

        var score = Scorer().Score(inputs);

        if (score.Score is { } s)
        {
            var measured = score.Components.Where(c => c.IsMeasured).Select(c => c.Score!.Value).ToList();
            Assert.InRange(s, Math.Floor(measured.Min()), Math.Ceiling(measured.Max()));
            Assert.True(score.Drivers.Length <= 3);
            Assert.All(score.Drivers, d => Assert.True(d.PointsLost >= 2));
        }
    }

    /// <summary>The fixture client (with one spike day) keeping only the components whose bit is set in <paramref name="present"/>.</summary>
    private static ClientHealthInputs Subset(ushort present)
    {
        var all = Professional() with { VolumeSpikes = new SpikeFacts(1, 30) };
        bool Has(HealthComponent c) => (present & (1 << (int)c)) != 0;
        return all with
        {
            Csat = Has(HealthComponent.Csat) ? all.Csat : null,
            Nps = Has(HealthComponent.Nps) ? all.Nps : null,
            Sla = Has(HealthComponent.Sla) ? all.Sla : null,
            Fcr = Has(HealthComponent.Fcr) ? all.Fcr : null,
            Escalations = Has(HealthComponent.Escalations) ? all.Escalations : null,
            Reopens = Has(HealthComponent.Reopens) ? all.Reopens : null,
            Incidents = Has(HealthComponent.Incidents) ? all.Incidents : null,
            VolumeSpikes = Has(HealthComponent.VolumeSpikes) ? all.VolumeSpikes : null,
            NextRenewal = Has(HealthComponent.RenewalProximity) ? all.NextRenewal : null,
        };
    }
}
