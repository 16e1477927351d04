using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Surveys;

internal sealed record CsatResponse(string Id, SampleTicket Ticket, Instant RespondedAt, int Score, string Comment)
{
    internal bool Good => Score >= 4;
}

internal sealed record NpsResponse(string Id, SampleClient Client, string Respondent, Instant RespondedAt, int Score, string Comment);

/// <summary>
/// Surveys. CSAT is sent when a ticket is solved and about 30 % answer; a breached SLA, a reopen or an escalation
/// makes a bad score likelier, as does a client's decline. NPS goes to each client's contacts once a quarter; their
/// scores follow what the client lived through in the 90 days before, plus its story.
/// </summary>
internal static class SurveyModel
{
    private const double ResponseRate = 0.30;

    private static readonly string[] GoodComments =
    [
        "Quick and clear, thank you!", "Solved on the first call.", "Great help setting up the new agent script.",
        "Very patient with our questions.", "Fixed before our open house, lifesaver.", "Thanks, works now.",
    ];

    private static readonly string[] BadComments =
    [
        "Took far too long to get an answer.", "Had to explain the problem three times.", "Issue came back the next day.",
        "Calls were dropping during the outage and nobody told us.", "Still not sure it is fixed.",
        "Escalated, then silence for two days.", "Leads went missing again, this is costing us deals.",
    ];

    internal static IReadOnlyList<CsatResponse> Csat(IReadOnlyList<SampleTicket> tickets, HistoryWindow window, Prng rng)
    {
        var responses = new List<CsatResponse>();
        foreach (var ticket in tickets)
        {
            if (!ticket.IsSolved || ticket.Solved is not { } solved)
            {
                continue;
            }
            var story = ticket.Client.Story;
            var intensity = story.Intensity(ticket.Created);
            var respondP = Math.Clamp(ResponseRate * story.At(ticket.Created, story.SurveyResponse, 1.0), 0, 0.9);
            if (!rng.Chance(respondP))
            {
                continue;
            }
            var respondedAt = solved + Duration.FromSeconds(Math.Round(rng.LogNormal(4 * 3600, 1.1)));
            if (respondedAt >= window.End)
            {
                continue;
            }
            // Higher tiers are better served (named agents, an account team that follows up every miss): their baseline sits
            // above the plan's CSAT target and a bad experience costs them less goodwill.
            var good = ticket.Client.Tier switch { SupportTier.Starter => 0.96, SupportTier.Professional => 0.97, SupportTier.Business => 0.99, _ => 0.998 };
            var bad = 0.0;
            if (TicketSla.FirstResponseBreached(ticket, window.End) == true)
            {
                bad += 0.22;
            }
            if (TicketSla.ResolutionBreached(ticket, window.End) == true)
            {
                bad += 0.18;
            }
            if (ticket.Reopens > 0)
            {
                bad += 0.3;
            }
            if (ticket.Escalated)
            {
                bad += 0.06;
            }
            if (ticket.IncidentDriven)
            {
                bad += 0.1;
            }
            good -= bad * ticket.Client.Tier switch { SupportTier.Starter => 1.0, SupportTier.Professional => 0.85, SupportTier.Business => 0.6, _ => 0.45 };
            good -= story.CsatPenalty * intensity;
            var isGood = rng.Chance(Math.Clamp(good, 0.03, 0.998));
            var score = isGood ? (rng.Chance(0.65) ? 5 : 4) : rng.Pick<int>([(1, 30), (2, 35), (3, 35)]);
            var comment = rng.Chance(isGood ? 0.15 : 0.45) ? rng.Pick(isGood ? GoodComments : BadComments) : "";
            responses.Add(new CsatResponse($"S-{responses.Count + 1:D6}", ticket, respondedAt, score, comment));
        }
        return responses;
    }

    internal static IReadOnlyList<NpsResponse> Nps(IReadOnlyList<SampleClient> clients, IReadOnlyList<SampleTicket> tickets,
        IReadOnlyList<CsatResponse> csat, HistoryWindow window, Prng rng)
    {
        var ticketsByClient = tickets.GroupBy(t => t.Client.Id).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var csatByClient = csat.GroupBy(r => r.Ticket.Client.Id).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var responses = new List<NpsResponse>();
        // The survey goes out mid-quarter (15 Feb, May, Aug, Nov) and answers trickle in over two weeks.
        for (var day = FirstWave(window.FirstDay); day < window.EndDay; day = day.PlusMonths(3))
        {
            var sent = SupportPlan.ReportingZone.AtStartOfDay(day).ToInstant() + Duration.FromHours(14);
            foreach (var client in clients)
            {
                if (!client.IsActive(sent))
                {
                    continue;
                }
                var since = sent - Duration.FromDays(90);
                var recent = ticketsByClient.GetValueOrDefault(client.Id, []).Where(t => t.Created >= since && t.Created < sent).ToList();
                var breachShare = recent.Count == 0 ? 0 : recent.Count(t => TicketSla.FirstResponseBreached(t, sent) == true || TicketSla.ResolutionBreached(t, sent) == true) / (double)recent.Count;
                var recentCsat = csatByClient.GetValueOrDefault(client.Id, []).Where(r => r.RespondedAt >= since && r.RespondedAt < sent).ToList();
                // Judged against what the tier was promised: CSAT at the tier's target and a few breaches are what a healthy client expects.
                var csatTarget = SupportPlan.Quality(client.Tier).CsatPct / 100;
                var goodShare = recentCsat.Count == 0 ? csatTarget : recentCsat.Count(r => r.Good) / (double)recentCsat.Count;
                var story = client.Story;
                var mean = 9.2 + 5.0 * (goodShare - csatTarget) - 4.0 * Math.Max(0, breachShare - 0.08)
                    - story.NpsPenalty * story.Intensity(sent);
                var contacts = client.Tier switch { SupportTier.Starter => rng.Next(2, 5), SupportTier.Professional => rng.Next(3, 7), SupportTier.Business => rng.Next(5, 10), _ => rng.Next(8, 15) };
                for (var i = 0; i < contacts; i++)
                {
                    if (!rng.Chance(0.7))
                    {
                        continue; // not every contact answers
                    }
                    var at = sent + Duration.FromSeconds(rng.Next(14 * 24 * 3600));
                    if (at >= window.End || at >= client.ActiveUntil)
                    {
                        continue;
                    }
                    var score = (int)Math.Clamp(Math.Round(mean + 1.4 * rng.Normal()), 0, 10);
                    var comment = score >= 9 ? (rng.Chance(0.3) ? "Our agents would not go back to voicemail." : "")
                        : score <= 6 ? (rng.Chance(0.5) ? rng.Pick<string>(["Support is slow when it matters.", "Too many outages lately.", "Not getting the value we expected.", "Hard to get answers since our admin left."]) : "")
                        : "";
                    responses.Add(new NpsResponse("", client, $"{client.Id}-U{i + 1:D2}", at, score, comment));
                }
            }
        }
        // Ids in response order, as a survey tool would number them.
        return responses.OrderBy(r => r.RespondedAt).ThenBy(r => r.Respondent, StringComparer.Ordinal)
            .Select((r, i) => r with { Id = $"N-{i + 1:D5}" }).ToList();
    }

    private static LocalDate FirstWave(LocalDate first)
    {
        var day = new LocalDate(first.Year, 2, 15);
        while (day < first)
        {
            day = day.PlusMonths(3);
        }
        return day;
    }
}
