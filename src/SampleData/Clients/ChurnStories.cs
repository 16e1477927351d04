using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.SampleData.Clients;

/// <summary>
/// Picks who leaves, when, and how they decline first; and a few noisy clients that look bad but stay, so a risk
/// model has to tell complaint volume from real risk. Each churner deteriorates in its own way.
/// </summary>
internal static class ChurnStories
{
    internal const string IncidentBurned = "incident-burned";
    internal const string IncidentMagnet = "incident-magnet";

    private sealed record Plan(string Pattern, SupportTier Tier, int ChurnMonth, int DeclineMonths, Func<Instant, Instant, ClientStory> Story);

    internal static IReadOnlyList<SampleClient> Assign(IReadOnlyList<SampleClient> clients, HistoryWindow window, LocalDate today, Prng rng)
    {
        var months = (int)Period.Between(window.FirstDay, window.EndDay, PeriodUnits.Months).Months;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = clients.ToDictionary(c => c.Id, StringComparer.Ordinal);

        // Churn months are spread over the second half of the history so each decline has room to show.
        var plans = new List<Plan>
        {
            new("silent-fade", SupportTier.Starter, months - 8, 5, (from, to) => new ClientStory(StoryKind.Churn, "silent-fade",
                "usage fades: ticket volume falls to a third, fewer surveys come back, NPS slides to detractor, and the few tickets left wait longer in a low-priority queue",
                from, to, Volume: 0.3, CsatPenalty: 0.18, Delay: 2.2, NpsPenalty: 4.5, SurveyResponse: 0.5)),
            new("service-failure", SupportTier.Professional, months - 6, 4, (from, to) => new ClientStory(StoryKind.Churn, "service-failure",
                "mis-routed to an understaffed queue: first responses and resolutions blow through the SLA, CSAT and NPS follow",
                from, to, CsatPenalty: 0.3, Delay: 5.0, NpsPenalty: 4.0)),
            new("champion-left", SupportTier.Professional, months - 4, 3, (from, to) => new ClientStory(StoryKind.Churn, "champion-left",
                "their admin and champion leaves: volume halves overnight, the newcomers' how-to tickets reopen, NPS drops hard",
                from, to, Volume: 0.5, CsatPenalty: 0.18, ReopenBoost: 0.12, NpsPenalty: 5.0, SurveyResponse: 0.7, Sudden: true)),
            new("escalation-spiral", SupportTier.Business, months - 3, 5, (from, to) => new ClientStory(StoryKind.Churn, "escalation-spiral",
                "an integration goes wrong: volume rises, a third of tickets escalate to level 2–3, reopens climb, resolution SLAs breach",
                from, to, Volume: 1.6, CsatPenalty: 0.2, Delay: 1.8, EscalationBoost: 0.35, ReopenBoost: 0.15, NpsPenalty: 4.0)),
            new(IncidentBurned, SupportTier.Enterprise, months - 1, 4, (from, to) => new ClientStory(StoryKind.Churn, IncidentBurned,
                "hit by a run of incidents: urgent outage tickets spike, CSAT after each incident is poor, NPS turns negative",
                from, to, Volume: 1.3, CsatPenalty: 0.3, Delay: 2.0, UrgentBoost: 0.25, NpsPenalty: 4.0)),
        };

        foreach (var plan in plans)
        {
            var client = Pick(result.Values, plan.Tier, used, rng, signedBefore: window.FirstDay);
            var monthStart = window.FirstDay.PlusMonths(plan.ChurnMonth);
            var churnedOn = monthStart.PlusDays(rng.Next(0, 26));
            var from = churnedOn.PlusMonths(-plan.DeclineMonths);
            // The client leaves at its renewal: the contract started whole years before the churn date.
            var contractStart = churnedOn.PlusYears(-rng.Next(2, 4));
            result[client.Id] = client with
            {
                ContractStart = contractStart,
                RenewalDate = churnedOn,
                ChurnedOn = churnedOn,
                Story = plan.Story(Start(client, from), Start(client, churnedOn)),
            };
        }

        // A pilot that never takes off: signs early in the history, floods support with how-tos and reopens, leaves after 7 months.
        {
            var client = Pick(result.Values, SupportTier.Starter, used, rng, signedBefore: null);
            var start = window.FirstDay.PlusDays(rng.Next(25, 60));
            var churnedOn = start.PlusMonths(7);
            result[client.Id] = client with
            {
                ContractStart = start,
                RenewalDate = churnedOn,
                ChurnedOn = churnedOn,
                Story = new ClientStory(StoryKind.Churn, "failed-onboarding",
                    "a pilot that never takes off: how-to tickets flood in, reopen and escalate, CSAT is poor from the first month, the pilot is not renewed",
                    Start(client, start), Start(client, start.PlusMonths(4)),
                    Volume: 1.8, CsatPenalty: 0.3, Delay: 1.4, EscalationBoost: 0.12, ReopenBoost: 0.18, NpsPenalty: 3.0),
            };
        }

        var noisy = new (SupportTier Tier, ClientStory Story)[]
        {
            (SupportTier.Professional, new ClientStory(StoryKind.Noisy, "loud-but-loyal",
                "twice the tickets of its peers, many marked urgent, blunt CSAT, but a promoter that renews")
                { Volume = 2.0, UrgentBoost = 0.2, CsatPenalty = 0.1, NpsPenalty = -0.8 }),
            (SupportTier.Business, new ClientStory(StoryKind.Noisy, IncidentMagnet,
                "on the components that break most: caught in extra incidents and their ticket spikes, yet satisfied with how they are handled")
                { Volume = 1.2, CsatPenalty = 0.05 }),
            (SupportTier.Starter, new ClientStory(StoryKind.Noisy, "grumpy-reviewer",
                "answers every survey and scores harshly, with SLAs met and steady volume; stays")
                { CsatPenalty = 0.3, NpsPenalty = 1.2, SurveyResponse = 1.8 }),
        };
        foreach (var (tier, story) in noisy)
        {
            var client = Pick(result.Values, tier, used, rng, signedBefore: window.FirstDay);
            result[client.Id] = client with { Story = story };
        }

        return clients.Select(c => result[c.Id]).ToList();
    }

    private static Instant Start(SampleClient client, LocalDate day) => client.Zone.AtStartOfDay(day).ToInstant();

    private static SampleClient Pick(IEnumerable<SampleClient> clients, SupportTier tier, HashSet<string> used, Prng rng, LocalDate? signedBefore)
    {
        var candidates = clients
            .Where(c => c.Tier == tier && !used.Contains(c.Id) && (signedBefore is null || c.ContractStart < signedBefore))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            candidates = clients.Where(c => c.Tier == tier && !used.Contains(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        }
        var client = rng.Pick(candidates);
        used.Add(client.Id);
        return client;
    }
}
