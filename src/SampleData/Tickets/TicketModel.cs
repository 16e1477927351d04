using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Demand;
using SupportLens.SampleData.Incidents;
using SupportLens.SampleData.Staffing;

namespace SupportLens.SampleData.Tickets;

/// <summary>
/// Generates the tickets hour by hour, in creation order, so they can be streamed to disk. Each hour the arrivals of
/// every client join one queue served by the shift on duty: when arrivals outrun the shift, a backlog builds and
/// first responses and resolutions wait longer, lower tiers more (the queue is worked by tier priority).
/// Response and work times are drawn in policy time (the tier's SLA clock) and turned into instants on that calendar.
/// </summary>
internal sealed class TicketModel
{
    private static readonly string[] Channels = ["email", "chat", "phone", "web", "api"];

    private static readonly (string, double)[] Categories =
    [
        ("how-to", 28), ("call-quality", 12), ("call-routing", 10), ("integration", 14), ("bug", 10),
        ("billing", 8), ("account", 10), ("feature-request", 8),
    ];

    /// <summary>Agent-hours of work a ticket costs by support level.</summary>
    private static readonly double[] Work = [0, 0.5, 1.2, 2.5];

    private const double MeanWork = 0.6;

    private readonly DemandModel _demand;
    private readonly HistoryWindow _window;
    private readonly ulong _seed;
    private readonly float[] _rates; // [hour * clients + client]
    private readonly long? _exactTickets;
    private readonly double _volumeFactor;

    internal TicketModel(IReadOnlyList<SampleClient> clients, IReadOnlyList<SampleIncident> incidents, HistoryWindow window, ulong seed, long? exactTickets)
    {
        _window = window;
        _seed = seed;
        _exactTickets = exactTickets;
        _demand = new DemandModel(clients, incidents, window, Prng.For(seed, "demand"));
        var hours = window.Hours;
        _rates = new float[hours * clients.Count];
        var perHour = new double[hours];
        var total = 0.0;
        for (var h = 0; h < hours; h++)
        {
            var t = window.Start + Duration.FromHours(h);
            for (var c = 0; c < clients.Count; c++)
            {
                var rate = _demand.Rate(c, t);
                _rates[h * clients.Count + c] = (float)rate;
                perHour[h] += rate;
                total += rate;
            }
        }
        ExpectedTickets = total;
        // --scale: the same history, every client's volume multiplied so the total is exactly the number asked for;
        // the shifts are staffed to that volume, so queues and breaches behave as in the default data.
        _volumeFactor = exactTickets is { } n ? n / total : 1.0;
        Staffing = new ShiftStaffing(perHour.Select(r => r * _volumeFactor * MeanWork).ToArray(), window, Prng.For(seed, "staffing"));
    }

    internal double ExpectedTickets { get; }

    internal ShiftStaffing Staffing { get; }

    internal DemandModel Demand => _demand;

    internal HistoryWindow Window => _window;

    /// <summary>Backlog (agent-hours) at the start of each hour, recorded while generating: shows the overloaded weeks.</summary>
    internal List<double> BacklogByHour { get; } = [];

    /// <summary>How long the backlog at the start of each hour takes the shift to clear (hours), recorded while generating.</summary>
    internal List<double> QueueHoursByHour { get; } = [];

    /// <summary>Expected tickets of client <paramref name="client"/> in hour <paramref name="hour"/> of the history.</summary>
    internal double ExpectedRate(int hour, int client) => _rates[hour * _demand.Clients.Count + client] * _volumeFactor;

    /// <summary>The share of a tier's tickets that come in on <paramref name="channel"/> (outside incidents).</summary>
    internal static double ChannelShare(SupportTier tier, string channel)
    {
        var weights = ChannelWeights(tier);
        return weights[Array.IndexOf(Channels, channel)] / weights.Sum();
    }

    internal IEnumerable<SampleTicket> Generate()
    {
        var rng = Prng.For(_seed, "tickets");
        var clients = _demand.Clients;
        var backlog = 0.0;
        var number = 0L;
        var cumulative = 0.0;
        var emitted = 0L;
        var arrivals = new List<(Instant Created, int Client)>();
        BacklogByHour.Clear();
        QueueHoursByHour.Clear();
        for (var h = 0; h < _window.Hours; h++)
        {
            var hour = _window.Start + Duration.FromHours(h);
            arrivals.Clear();
            for (var c = 0; c < clients.Count; c++)
            {
                var rate = _rates[h * clients.Count + c] * _volumeFactor;
                int count;
                if (_exactTickets is { } target)
                {
                    // Systematic rounding of the running total: exactly `target` tickets, spread as the rates say.
                    cumulative += rate;
                    var upTo = Math.Min(target, (long)Math.Floor(cumulative + 0.5));
                    count = (int)(upTo - emitted);
                    emitted = upTo;
                }
                else
                {
                    count = rng.Poisson(rate);
                }
                for (var i = 0; i < count; i++)
                {
                    arrivals.Add((hour + Duration.FromSeconds(rng.Next(3600)), c));
                }
            }
            arrivals.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : a.Client.CompareTo(b.Client));

            // With a backlog, agents work overtime and other shifts help (up to +50 %): queues drain within days, not weeks.
            var planned = Staffing.Capacity(hour);
            var capacity = planned * (1 + 0.5 * Math.Min(1, backlog / (planned * 6)));
            var waitHours = backlog / capacity;
            BacklogByHour.Add(backlog);
            QueueHoursByHour.Add(waitHours);
            var work = 0.0;
            foreach (var (created, c) in arrivals)
            {
                var ticket = Build(++number, clients[c], created, waitHours, rng);
                work += Work[ticket.Level];
                yield return ticket;
            }
            backlog = Math.Max(0, backlog + work - capacity);
        }
        if (_exactTickets is { } wanted && number != wanted)
        {
            throw new InvalidOperationException($"Generated {number} tickets, expected {wanted}.");
        }
    }

    private SampleTicket Build(long number, SampleClient client, Instant created, double waitHours, Prng rng)
    {
        var story = client.Story;
        var intensity = story.Intensity(created);
        var tier = client.Tier;

        var spike = _demand.IncidentSpike(client.Id, created);
        var incidentDriven = spike > 1 && rng.Chance(1 - 1 / spike);
        var surge = _demand.LaunchSurge(created);
        var launchDriven = !incidentDriven && surge > 1 && rng.Chance(1 - 1 / surge);

        var category = incidentDriven ? "outage"
            : launchDriven ? (rng.Chance(0.6) ? "how-to" : "integration")
            : rng.Pick<string>(Categories);
        var channel = PickChannel(tier, incidentDriven, rng);
        var priority = PickPriority(incidentDriven, story.UrgentBoost * intensity, rng);

        var complex = category is "bug" or "integration" or "outage";
        var pLevel3 = 0.01 + (complex ? 0.016 : 0) + story.EscalationBoost * intensity * 0.3;
        var pLevel2 = 0.038 + (complex ? 0.034 : 0) + story.EscalationBoost * intensity * 0.7;
        var draw = rng.NextDouble();
        var level = draw < pLevel3 ? 3 : draw < pLevel3 + pLevel2 ? 2 : 1;
        var escalated = level > 1;
        // Higher tiers are triaged before the first reply: most of their escalations go straight to a level 2–3 engineer
        // whose first answer solves the ticket, so escalation costs them no extra touch (one-touch FCR stays near target).
        var triageShare = tier switch { SupportTier.Starter => 0.0, SupportTier.Professional => 0.5, SupportTier.Business => 0.75, _ => 0.9 };
        // A declining client's tickets lose that care: escalated after a first try, more back-and-forth.
        var decline = story.Kind == StoryKind.Churn ? intensity : 0.0;
        var triaged = escalated && rng.Chance(triageShare * (1 - decline));

        var delayFactor = story.At(created, story.Delay, 1.0);
        var queueWeight = tier switch { SupportTier.Starter => 1.2, SupportTier.Professional => 0.9, SupportTier.Business => 0.5, _ => 0.3 };
        var live = channel is "phone" or "chat";

        // First response, in policy hours.
        var responseMedian = tier switch { SupportTier.Starter => 1.6, SupportTier.Professional => 0.9, SupportTier.Business => 0.3, _ => 0.15 }
            * PriorityFactor(priority, 0.35, 0.6, 1.6)
            * (channel == "phone" ? 0.08 : channel == "chat" ? 0.12 : 1.0);
        var responseHours = rng.LogNormal(responseMedian, 0.85) * delayFactor + waitHours * queueWeight * (live ? 0.5 : 1.0);

        // Work until solved after the first response, in policy hours.
        var workMedian = (level switch { 1 => 2.0, 2 => 6.0, _ => 16.0 })
            * PriorityFactor(priority, 0.4, 0.65, 1.4)
            * (tier switch { SupportTier.Starter => 1.3, SupportTier.Professional => 1.0, SupportTier.Business => 0.7, _ => 0.45 });
        var workHours = rng.LogNormal(workMedian, 0.9) * Math.Pow(delayFactor, 0.8) + waitHours * queueWeight * 0.5;

        // Reopens and back-and-forth: rarer the higher the tier (senior agents, named contacts), commoner when the queue is
        // long and agents rush, and in a declining client's tickets.
        var rushed = Math.Min(1, waitHours / 4);
        var pReopen = (tier switch { SupportTier.Starter => 0.035, SupportTier.Professional => 0.024, SupportTier.Business => 0.013, _ => 0.007 })
            + (escalated ? 0.015 : 0) + 0.015 * rushed + story.ReopenBoost * intensity;
        var reopened = rng.Chance(pReopen);
        var pOneTouch = (tier switch { SupportTier.Starter => 0.962, SupportTier.Professional => 0.976, SupportTier.Business => 0.99, _ => 0.996 })
            - 0.04 * rushed - 0.1 * decline;
        var oneTouch = (!escalated || triaged) && !reopened && rng.Chance(pOneTouch);

        // The tier's SLA calendar: a starter ticket raised on Friday night is answered on Monday morning.
        var calendar = SupportPlan.Targets(tier, priority).Calendar;
        var events = new List<TicketEvent>(8);
        var pauses = new List<PausePeriod>(2);
        var firstResponse = calendar.AddBusinessTime(created, Hours(responseHours));
        SupportAgent firstAgent;
        if (triaged)
        {
            // Escalated at triage, before anyone answers: the engineer's reply is the first one.
            var escalatedAt = created + (firstResponse - created) / 3;
            firstAgent = Staffing.AgentFor(escalatedAt, level, rng);
            events.Add(new TicketEvent(escalatedAt, "escalation", level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            events.Add(new TicketEvent(escalatedAt, "assignment", firstAgent.Id));
        }
        else
        {
            firstAgent = Staffing.AgentFor(created, 1, rng);
        }
        var agent = firstAgent;
        events.Add(new TicketEvent(firstResponse, "public_reply", firstAgent.Id));
        var cursor = firstResponse;
        if (escalated && !triaged)
        {
            cursor = calendar.AddBusinessTime(cursor, Hours(workHours * 0.25));
            agent = Staffing.AgentFor(cursor, level, rng);
            events.Add(new TicketEvent(cursor, "escalation", level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            events.Add(new TicketEvent(cursor, "assignment", agent.Id));
        }
        if (escalated && !(triaged && oneTouch))
        {
            if (rng.Chance(level == 3 ? 0.65 : 0.4))
            {
                var holdStart = cursor + Duration.FromMinutes(rng.Next(5, 60));
                var holdEnd = holdStart + Hours(rng.LogNormal(16, 0.8));
                pauses.Add(new PausePeriod(holdStart, holdEnd, "on_hold"));
                events.Add(new TicketEvent(holdStart, "status", "on_hold"));
                events.Add(new TicketEvent(holdEnd, "status", "open"));
                cursor = holdEnd;
            }
        }
        if (!oneTouch && rng.Chance(0.45))
        {
            var pendingStart = calendar.AddBusinessTime(cursor, Hours(workHours * 0.25));
            var pendingEnd = pendingStart + Hours(rng.LogNormal(20, 1.0));
            pauses.Add(new PausePeriod(pendingStart, pendingEnd, "pending"));
            events.Add(new TicketEvent(pendingStart, "status", "pending"));
            events.Add(new TicketEvent(pendingEnd, "status", "open"));
            cursor = pendingEnd;
        }
        var firstSolved = calendar.AddBusinessTime(cursor, Hours(workHours * (escalated ? 0.5 : 0.75)));
        if (firstSolved <= firstResponse)
        {
            firstSolved = firstResponse + Duration.FromMinutes(rng.Next(1, 30));
        }
        events.Add(new TicketEvent(firstSolved, "status", "solved"));
        var solved = firstSolved;
        if (reopened)
        {
            var reopenAt = firstSolved + Hours(rng.LogNormal(26, 0.7));
            solved = calendar.AddBusinessTime(reopenAt, Hours(rng.LogNormal(2.5, 0.8)));
            events.Add(new TicketEvent(reopenAt, "status", "open"));
            events.Add(new TicketEvent(solved, "status", "solved"));
        }
        // Zendesk-style automation closes solved tickets after four days.
        events.Add(new TicketEvent(solved + Duration.FromDays(4), "status", "closed"));

        var replies = oneTouch ? 1 : 2 + rng.Poisson(0.9) + (triaged ? 0 : level - 1) + (reopened ? 1 : 0);
        // Events are exported for the tickets whose SLA clocks need them (pauses) and a sample of the rest.
        var exportEvents = pauses.Count > 0 || escalated || reopened || rng.Chance(0.1);
        return Snapshot(number, client, created, channel, priority, category, level, firstAgent, agent, replies,
            incidentDriven, events, pauses, exportEvents);
    }

    /// <summary>Cuts the ticket's life at the end of the history: the export shows it as it stood then.</summary>
    private SampleTicket Snapshot(long number, SampleClient client, Instant created, string channel, string priority, string category,
        int level, SupportAgent firstAgent, SupportAgent agent, int replies, bool incidentDriven,
        List<TicketEvent> events, List<PausePeriod> pauses, bool exportEvents)
    {
        var end = _window.End;
        events.Sort((a, b) => a.At.CompareTo(b.At));
        var status = "new";
        Instant? firstResponse = null, firstSolved = null, solved = null, closed = null;
        var updated = created;
        var reopens = 0;
        var escalated = false;
        var seen = new List<TicketEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.At >= end)
            {
                break;
            }
            seen.Add(e);
            updated = e.At;
            switch (e.Event, e.Value)
            {
                case ("public_reply", _):
                    firstResponse ??= e.At;
                    if (status == "new")
                    {
                        status = "open";
                    }
                    break;
                case ("escalation", _):
                    escalated = true;
                    break;
                case ("status", "solved"):
                    status = "solved";
                    firstSolved ??= e.At;
                    solved = e.At;
                    break;
                case ("status", "closed"):
                    status = "closed";
                    closed = e.At;
                    break;
                case ("status", "open") when status == "solved":
                    status = "open";
                    solved = null;
                    reopens++;
                    break;
                case ("status", var value):
                    status = value;
                    break;
            }
        }
        var isSolved = status is "solved" or "closed";
        var clippedPauses = pauses.Where(p => p.From < end).Select(p => p.To <= end ? p : p with { To = end }).ToList();
        return new SampleTicket(
            number, client, created, channel, priority, status, category,
            Level: escalated ? level : 1,
            Agent: firstResponse is null ? null : escalated ? agent : firstAgent,
            firstResponse, firstSolved, solved, closed, updated,
            AgentReplies: isSolved ? replies : firstResponse is null ? 0 : Math.Min(replies, 1 + reopens),
            Reopens: reopens,
            Escalated: escalated,
            IncidentDriven: incidentDriven,
            Pauses: clippedPauses,
            Events: exportEvents ? seen : []);
    }

    private static string PickChannel(SupportTier tier, bool incident, Prng rng)
    {
        var weights = ChannelWeights(tier);
        if (incident)
        {
            weights[1] *= 2;
            weights[2] *= 2;
        }
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return Channels[i];
            }
        }
        return Channels[0];
    }

    /// <summary>email, chat, phone, web, api: the plan gives starters no phone line, enterprises a direct one.</summary>
    private static double[] ChannelWeights(SupportTier tier) => tier switch
    {
        SupportTier.Starter => [60, 12, 0, 28, 0],
        SupportTier.Professional => [45, 30, 8, 15, 2],
        SupportTier.Business => [35, 32, 18, 10, 5],
        _ => [28, 27, 30, 8, 7],
    };

    private static string PickPriority(bool incident, double urgentBoost, Prng rng)
    {
        if (incident)
        {
            return rng.Pick<string>([("urgent", 45), ("high", 45), ("normal", 10)]);
        }
        if (rng.Chance(urgentBoost))
        {
            return rng.Chance(0.5) ? "urgent" : "high";
        }
        return rng.Pick<string>([("low", 20), ("normal", 55), ("high", 18), ("urgent", 7)]);
    }

    private static double PriorityFactor(string priority, double urgent, double high, double low) => priority switch
    {
        "urgent" => urgent,
        "high" => high,
        "low" => low,
        _ => 1.0,
    };

    private static Duration Hours(double hours) => Duration.FromSeconds(Math.Max(30, Math.Round(hours * 3600)));
}
