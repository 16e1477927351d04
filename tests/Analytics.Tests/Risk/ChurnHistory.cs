using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Risk;
using SupportLens.Analytics.Sla;
using SupportLens.Analytics.Tests.Health;

namespace SupportLens.Analytics.Tests.Risk;

/// <summary>
/// A made-up, seeded book of clients scored on the first of every month from 2025-01-01 to 2026-10-01 (data end
/// 2026-10-31). Churners decline over the 120 days before they leave: CSAT, NPS and SLA slide, escalations climb,
/// volume falls. Some clients that stay are "grumpy" all along (poor CSAT and NPS, steady otherwise), so the model has
/// to tell a decline from a bad temper.
/// </summary>
internal sealed class ChurnHistory
{
    public static readonly LocalDate First = new(2025, 1, 1);
    public static readonly LocalDate DataEnd = new(2026, 10, 31);

    private readonly HealthScorer _scorer = HealthFixtures.Scorer();

    /// <param name="churners">How many clients churn (spread over 2025-05 to 2026-10).</param>
    public ChurnHistory(int clients, int churners, int seed = 11)
    {
        var random = new Random(seed);
        var tiers = Enum.GetValues<SupportTier>();
        var span = Period.Between(new LocalDate(2025, 5, 10), new LocalDate(2026, 10, 20), PeriodUnits.Days).Days;
        Clients =
        [
            .. Enumerable.Range(0, clients).Select(i => new ClientAccount(
                $"C-{i:000}",
                tiers[i % tiers.Length],
                $"SM-{i % 3}",
                new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 500)),
                new LocalDate(2027, 1, 1).PlusDays(random.Next(0, 365)),
                100m * (1 + (i % 7)),
                i < churners ? new LocalDate(2025, 5, 10).PlusDays(span * i / Math.Max(1, churners - 1)) : null)),
        ];
        Grumpy = Clients.Skip(churners).Where((_, i) => i % 4 == 0).Select(c => c.ClientId).ToHashSet();
    }

    public IReadOnlyList<ClientAccount> Clients { get; }

    public IReadOnlySet<string> Grumpy { get; }

    public IEnumerable<LocalDate> Months()
    {
        for (var d = First; d <= DataEnd; d = d.PlusMonths(1))
        {
            yield return d;
        }
    }

    /// <summary>Every active client's snapshot on the first of every month.</summary>
    public IEnumerable<ChurnSnapshot> Monthly() =>
        Months().SelectMany(day => Clients.Where(c => c.IsActiveOn(day)).Select(c => Snapshot(c, day)));

    public ChurnSnapshot Snapshot(ClientAccount client, LocalDate day)
    {
        var inputs = Inputs(client, day);
        var earlier = _scorer.Score(Inputs(client, day.PlusDays(-30)));
        return new ChurnSnapshot(client, inputs, _scorer.Score(inputs, earlier));
    }

    /// <summary>The client's facts on a day: a pure function of the client and the day (seeded by both).</summary>
    public ClientHealthInputs Inputs(ClientAccount client, LocalDate day)
    {
        // string.GetHashCode and HashCode differ between processes; the client number and the day do not.
        var random = new Random((int.Parse(client.ClientId[2..], System.Globalization.CultureInfo.InvariantCulture) * 100_003) + day.DayOfYear + (day.Year * 400));
        // 0 far from churn, rising to 1 on the churn day over the last 120 days.
        var distress = client.ChurnedOn is { } churn
            ? Math.Clamp(1 - (Period.Between(day, churn, PeriodUnits.Days).Days / 120.0), 0, 1)
            : 0;
        var grumpy = Grumpy.Contains(client.ClientId);
        var csatShare = Math.Clamp((grumpy ? 0.72 : 0.94) - (0.35 * distress) + (0.04 * Noise(random)), 0, 1);
        var answers = 20 + random.Next(0, 20);
        var tickets = (int)Math.Round((40 + random.Next(0, 20)) * (1 - (0.5 * distress)));
        var promoters = grumpy ? 2 : 6 - (int)Math.Round(5 * distress);
        var detractors = grumpy ? 4 : (int)Math.Round(5 * distress);
        var breached = (int)Math.Round(tickets * ((0.03 * random.NextDouble()) + (0.25 * distress)));
        var escalated = (int)Math.Round(tickets * ((0.05 + (0.03 * random.NextDouble())) + (0.2 * distress)));
        return new ClientHealthInputs(
            client.ClientId,
            client.Tier,
            day,
            Csat: new Proportion((long)Math.Round(csatShare * answers), answers),
            Nps: new NpsFacts(new NetPromoterScore(promoters, 10 - promoters - detractors, detractors), new NetPromoterScore(5, 4, 1)),
            Sla: new SlaFacts(2 * tickets - breached, breached, breached / 3),
            Fcr: new Proportion((long)Math.Round(tickets * (0.93 - (0.2 * distress))), tickets),
            Escalations: new Proportion(escalated, tickets),
            Reopens: new Proportion((long)Math.Round(tickets * 0.03 * (1 + (3 * distress))), tickets),
            Incidents: new IncidentFacts(0, random.Next(0, 4) == 0 ? 1 : 0, random.Next(0, 2), random.Next(0, 3)),
            NextRenewal: client.NextRenewalOn(day),
            Volume: new TicketVolume(tickets, 3 * (45 + random.Next(0, 10))));
    }

    private static double Noise(Random random) => (2 * random.NextDouble()) - 1;
}
