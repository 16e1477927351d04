using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Contacts;

/// <summary>
/// The contact centre's side of the live channels: what a telephony/ACD or chat platform counts per interval. Every phone
/// or chat ticket is a handled contact in the interval it was created; callers who hang up in the queue are abandoned and
/// never become tickets. The generator's own queue model: each tier's contacts are routed by priority (enterprise first);
/// the mean wait of a queued contact rises with the shift queue's load (the hours the ticket backlog would take to clear,
/// from <see cref="TicketModel"/>), so overloaded weeks show long waits, low service levels and more abandonment.
/// Patience is exponential, so a contact abandons with probability wait / (wait + patience) and the wait of those who
/// stay is exponential with mean wait·patience / (wait + patience).
/// </summary>
internal static class ContactCentre
{
    internal const int IntervalMinutes = 30;

    internal static readonly Duration ServiceLevelThreshold = Duration.FromSeconds(60);

    internal static readonly string[] Channels = ["phone", "chat"];

    private static readonly Duration Interval = Duration.FromMinutes(IntervalMinutes);

    internal static IReadOnlyList<IntervalVolume> Intervals(IReadOnlyList<SampleTicket> tickets, TicketModel model, Prng rng)
    {
        var clients = model.Demand.Clients;
        var window = model.Window;
        var clientIndex = clients.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var handled = new Dictionary<(long Interval, int Client, int Channel), List<SampleTicket>>();
        foreach (var ticket in tickets)
        {
            var channel = Array.IndexOf(Channels, ticket.Channel);
            if (channel < 0)
            {
                continue;
            }
            var key = ((ticket.Created - window.Start).BclCompatibleTicks / Interval.BclCompatibleTicks, clientIndex[ticket.Client.Id], channel);
            if (!handled.TryGetValue(key, out var list))
            {
                handled[key] = list = [];
            }
            list.Add(ticket);
        }

        var rows = new List<IntervalVolume>();
        var perHour = (int)(Duration.FromHours(1) / Interval);
        for (var h = 0; h < window.Hours; h++)
        {
            var load = Math.Min(1, model.QueueHoursByHour[h] / 4);
            for (var part = 0; part < perHour; part++)
            {
                var interval = (long)h * perHour + part;
                var start = window.Start + Interval * interval;
                for (var ch = 0; ch < Channels.Length; ch++)
                {
                    // One queue per channel: its luck in this interval is shared by every client in it.
                    var queueNoise = rng.LogNormal(1.0, 0.35);
                    for (var c = 0; c < clients.Count; c++)
                    {
                        var tier = clients[c].Tier;
                        var expected = model.ExpectedRate(h, c) / perHour * TicketModel.ChannelShare(tier, Channels[ch]);
                        var contacts = handled.GetValueOrDefault((interval, c, ch));
                        if (expected <= 0 && contacts is null)
                        {
                            continue;
                        }
                        var wait = MeanWaitSeconds(tier, Channels[ch]) * (1 + 6 * load) * queueNoise;
                        var patience = PatienceSeconds(Channels[ch]);
                        var abandonShare = wait / (wait + patience);
                        var abandoned = rng.Poisson(expected * abandonShare / (1 - abandonShare));
                        var row = Row(start, Channels[ch], clients[c].Id, contacts ?? [], abandoned, wait * patience / (wait + patience), rng);
                        if (row.Offered > 0)
                        {
                            rows.Add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static IntervalVolume Row(Instant start, string channel, string clientId, List<SampleTicket> contacts, int abandoned, double meanAnsweredWait, Prng rng)
    {
        double waitSum = 0, handleSum = 0;
        var inThreshold = 0;
        foreach (var ticket in contacts)
        {
            var wait = Math.Round(rng.Exponential(meanAnsweredWait));
            waitSum += wait;
            inThreshold += wait <= ServiceLevelThreshold.TotalSeconds ? 1 : 0;
            handleSum += Math.Round(rng.LogNormal(MedianHandleSeconds(channel, ticket), 0.45));
        }
        var n = contacts.Count;
        return new IntervalVolume(start, channel, clientId, n + abandoned, n, abandoned, inThreshold,
            n == 0 ? null : handleSum / n, n == 0 ? null : waitSum / n);
    }

    /// <summary>Mean wait of a queued contact when the shifts keep up: the higher the tier, the earlier it is routed.</summary>
    private static double MeanWaitSeconds(SupportTier tier, string channel) => (channel == "phone" ? 1.0 : 1.35) * tier switch
    {
        SupportTier.Starter => 26,
        SupportTier.Professional => 18,
        SupportTier.Business => 10,
        _ => 6,
    };

    /// <summary>How long a contact waits before giving up, on average: chat users keep the window open longer.</summary>
    private static double PatienceSeconds(string channel) => channel == "phone" ? 300 : 480;

    /// <summary>Talk or chat time plus wrap-up: longer for problems than for questions, and for chats (agents juggle two).</summary>
    private static double MedianHandleSeconds(string channel, SampleTicket ticket) =>
        (channel == "phone" ? 390 : 540)
        * (ticket.Category is "bug" or "integration" or "outage" ? 1.45 : 1.0)
        * (ticket.Level > 1 ? 1.25 : 1.0);
}
