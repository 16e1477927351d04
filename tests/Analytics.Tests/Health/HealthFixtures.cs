using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Health;

/// <summary>
/// A professional-tier client on 2026-10-01 (targets: CSAT 90 %, FCR 90 %, SLA 95 %, escalations under 10 %, NPS 60)
/// with every component measured but volume spikes. Component scores under the default curves:
/// CSAT 16/20 = 80 %, 10 under target -> 50; NPS (5 promoters, 3 passives, 2 detractors) = 30, 30 under -> 75;
/// SLA 45 of 50 = 90 %, 5 under -> 75; FCR 36/40 = 90 %, on target -> 100; escalations 4/40 = 10 %, at the ceiling -> 80;
/// reopens 2/40 = 5 % -> 80; one severity 2 incident = 20 points -> 75; renewal 2027-01-29 is 120 days away -> 75 + 30/90·25 = 83.33.
/// </summary>
internal static class HealthFixtures
{
    public static readonly LocalDate AsOf = new(2026, 10, 1);

    public static QualityTargets Targets => SupportLensSettings.Default.Targets;

    public static HealthScorer Scorer(HealthSettings? settings = null) => new(settings ?? HealthSettings.Default, Targets);

    public static ClientHealthInputs Professional() => new(
        "C-100",
        SupportTier.Professional,
        AsOf,
        Csat: new Proportion(16, 20),
        Nps: new NpsFacts(new NetPromoterScore(5, 3, 2), new NetPromoterScore(6, 2, 2)),
        Sla: new SlaFacts(Achieved: 45, Breached: 5, BreachedUrgent: 3),
        Fcr: new Proportion(36, 40),
        Escalations: new Proportion(4, 40),
        Reopens: new Proportion(2, 40),
        Incidents: new IncidentFacts(0, 1, 0, 0),
        VolumeSpikes: null,
        NextRenewal: new LocalDate(2027, 1, 29),
        Volume: new TicketVolume(40, 130));

    public static double Points(HealthScore score, HealthComponent component) =>
        score.Components.Single(c => c.Component == component).Score!.Value;
}
