using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Contacts;
using SupportLens.SampleData.Incidents;
using SupportLens.SampleData.Surveys;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Readme;

/// <summary>Quality figures of a set of tickets and survey answers, the way DESIGN.md §4 defines them.</summary>
internal sealed record QualityFigures(
    int Tickets,
    int FirstResponseBreached,
    int FirstResponseDecided,
    int ResolutionBreached,
    int ResolutionDecided,
    int Solved,
    int OneTouch,
    int Escalated,
    int Reopened,
    int CsatGood,
    int CsatResponses,
    int Promoters,
    int Detractors,
    int NpsResponses)
{
    internal double? FirstResponseBreachShare => Share(FirstResponseBreached, FirstResponseDecided);
    internal double? ResolutionBreachShare => Share(ResolutionBreached, ResolutionDecided);
    internal double? AnyBreachShare => Share(FirstResponseBreached + ResolutionBreached, FirstResponseDecided + ResolutionDecided);
    internal double? Fcr => Share(OneTouch, Solved);
    internal double? EscalationRate => Share(Escalated, Tickets);
    internal double? ReopenRate => Share(Reopened, Solved);
    internal double? Csat => Share(CsatGood, CsatResponses);
    internal double? Nps => NpsResponses == 0 ? null : 100.0 * (Promoters - Detractors) / NpsResponses;

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    internal static QualityFigures Of(IEnumerable<SampleTicket> tickets, IEnumerable<CsatResponse> csat, IEnumerable<NpsResponse> nps, Instant end)
    {
        int count = 0, frB = 0, frD = 0, resB = 0, resD = 0, solved = 0, oneTouch = 0, escalated = 0, reopened = 0;
        foreach (var t in tickets)
        {
            count++;
            if (TicketSla.FirstResponseBreached(t, end) is { } fr)
            {
                frD++;
                frB += fr ? 1 : 0;
            }
            if (TicketSla.ResolutionBreached(t, end) is { } res)
            {
                resD++;
                resB += res ? 1 : 0;
            }
            if (t.IsSolved)
            {
                solved++;
                oneTouch += t.OneTouch ? 1 : 0;
                reopened += t.Reopens > 0 ? 1 : 0;
            }
            escalated += t.Escalated ? 1 : 0;
        }
        var csatList = csat.ToList();
        var npsList = nps.ToList();
        return new QualityFigures(count, frB, frD, resB, resD, solved, oneTouch, escalated, reopened,
            csatList.Count(r => r.Good), csatList.Count,
            npsList.Count(r => r.Score >= 9), npsList.Count(r => r.Score <= 6), npsList.Count);
    }
}

/// <summary>A week in which the queue outran the shifts.</summary>
internal sealed record OverloadedWeek(LocalDate Monday, int Tickets, double FirstResponseBreachShare, double PeakBacklogHours, ContactFigures Contacts, string Causes);

/// <summary>How a story client looked before and in its last 90 days (before churn, or before the end of the history).</summary>
internal sealed record StoryFigures(SampleClient Client, QualityFigures Earlier, QualityFigures Late, double EarlierTicketsPerMonth, double LateTicketsPerMonth);

/// <summary>Everything the README reports, computed from the generated data (never typed by hand).</summary>
internal sealed record SampleSummary(
    IReadOnlyDictionary<SupportTier, IReadOnlyDictionary<string, int>> TicketsByTierAndChannel,
    IReadOnlyDictionary<SupportTier, QualityFigures> ByTier,
    QualityFigures Overall,
    IReadOnlyList<(LocalDate Month, QualityFigures Figures)> ByMonth,
    IReadOnlyList<StoryFigures> Stories,
    IReadOnlyList<OverloadedWeek> OverloadedWeeks,
    IReadOnlyList<(int Severity, int Count, int AckLate, int CommunicationLate, int ResolutionLate)> IncidentsBySeverity,
    IReadOnlyList<(string Component, double Availability, double P95LatencyMs)> Monitoring,
    IReadOnlyList<(string Channel, ContactFigures Figures)> ContactsByChannel,
    ContactFigures ContactsInOtherWeeks,
    DailySeries Daily,
    double CsatResponseRate)
{
    internal static readonly string[] Channels = ["email", "chat", "phone", "web", "api"];

    internal static SampleSummary Compute(
        IReadOnlyList<SampleClient> clients, IReadOnlyList<SampleTicket> tickets, IReadOnlyList<CsatResponse> csat, IReadOnlyList<NpsResponse> nps,
        IReadOnlyList<SampleIncident> incidents, IReadOnlyList<Check> checks, IReadOnlyList<IntervalVolume> volume, TicketModel model,
        HistoryWindow window)
    {
        var end = window.End;
        var zone = SupportPlan.ReportingZone;

        var byTierChannel = SupportPlan.Tiers.ToDictionary(
            tier => tier,
            tier => (IReadOnlyDictionary<string, int>)Channels.ToDictionary(ch => ch, ch => tickets.Count(t => t.Client.Tier == tier && t.Channel == ch)));
        var byTier = SupportPlan.Tiers.ToDictionary(
            tier => tier,
            tier => QualityFigures.Of(tickets.Where(t => t.Client.Tier == tier), csat.Where(r => r.Ticket.Client.Tier == tier), nps.Where(r => r.Client.Tier == tier), end));
        var overall = QualityFigures.Of(tickets, csat, nps, end);

        LocalDate MonthOf(Instant t) { var d = t.InZone(zone).Date; return new LocalDate(d.Year, d.Month, 1); }
        var byMonth = new List<(LocalDate, QualityFigures)>();
        for (var m = window.FirstDay; m < window.EndDay; m = m.PlusMonths(1))
        {
            var month = m;
            byMonth.Add((month, QualityFigures.Of(
                tickets.Where(t => MonthOf(t.Created) == month), csat.Where(r => MonthOf(r.RespondedAt) == month), nps.Where(r => MonthOf(r.RespondedAt) == month), end)));
        }

        var stories = new List<StoryFigures>();
        foreach (var client in clients.Where(c => c.Story.Kind != StoryKind.Steady).OrderBy(c => c.Story.Kind).ThenBy(c => c.ChurnedOn ?? window.EndDay).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var until = client.ChurnedOn is { } churned ? client.ActiveUntil : end;
            var lateFrom = until - Duration.FromDays(90);
            var from = client.ActiveFrom > window.Start ? client.ActiveFrom : window.Start;
            var own = tickets.Where(t => t.Client == client).ToList();
            var ownCsat = csat.Where(r => r.Ticket.Client == client).ToList();
            var ownNps = nps.Where(r => r.Client == client).ToList();
            var earlier = QualityFigures.Of(own.Where(t => t.Created < lateFrom), ownCsat.Where(r => r.Ticket.Created < lateFrom), ownNps.Where(r => r.RespondedAt < lateFrom), end);
            var late = QualityFigures.Of(own.Where(t => t.Created >= lateFrom), ownCsat.Where(r => r.Ticket.Created >= lateFrom), ownNps.Where(r => r.RespondedAt >= lateFrom), end);
            var earlierMonths = Math.Max(0.5, (lateFrom - from).TotalDays / 30.44);
            stories.Add(new StoryFigures(client, earlier, late, earlier.Tickets / earlierMonths, late.Tickets / (90 / 30.44)));
        }

        var weeks = FindOverloadedWeeks(tickets, volume, model, incidents, window, end);
        var contactsByChannel = ContactCentre.Channels.Select(ch => (ch, ContactFigures.Of(volume.Where(v => v.Channel == ch)))).ToList();
        var overloaded = weeks.Select(w => w.Monday).ToHashSet();
        var otherWeeks = ContactFigures.Of(volume.Where(v => !overloaded.Contains(MondayOf(v.IntervalStart))));

        var severities = Enumerable.Range(1, 4).Select(s =>
        {
            var list = incidents.Where(i => i.Severity == s).ToList();
            var comm = IncidentModel.CommunicationTarget(s);
            return (s, list.Count,
                list.Count(i => i.Acknowledged - i.Started > IncidentModel.AcknowledgeTarget(s)),
                comm is { } c ? list.Count(i => i.FirstUpdate - i.Started > c) : 0,
                list.Count(i => i.Resolved - i.Started > IncidentModel.ResolutionTarget(s)));
        }).ToList();

        var monitoring = new List<(string, double, double)>();
        foreach (var group in checks.GroupBy(c => c.Component.Code))
        {
            var list = group.ToList();
            var down = 0.0;
            for (var i = 0; i < list.Count; i++)
            {
                var next = i + 1 < list.Count ? list[i + 1].CheckedAt : end;
                if (!list[i].Ok)
                {
                    down += (next - list[i].CheckedAt).TotalSeconds;
                }
            }
            var latencies = list.Where(c => c.LatencyMs is not null).Select(c => c.LatencyMs!.Value).Order().ToList();
            monitoring.Add((group.Key, 1 - down / (end - window.Start).TotalSeconds, latencies[(int)(latencies.Count * 0.95)]));
        }

        var solved = tickets.Count(t => t.IsSolved);
        return new SampleSummary(byTierChannel, byTier, overall, byMonth, stories, weeks, severities, monitoring, contactsByChannel, otherWeeks,
            DailySeries.Of(tickets, model.Demand, window), solved == 0 ? 0 : (double)csat.Count / solved);
    }

    /// <summary>The Monday (reporting zone) of the week an instant falls in.</summary>
    private static LocalDate MondayOf(Instant t)
    {
        var d = t.InZone(SupportPlan.ReportingZone).Date;
        return d.PlusDays(-((int)d.DayOfWeek - 1));
    }

    private static List<OverloadedWeek> FindOverloadedWeeks(IReadOnlyList<SampleTicket> tickets, IReadOnlyList<IntervalVolume> volume, TicketModel model,
        IReadOnlyList<SampleIncident> incidents, HistoryWindow window, Instant end)
    {
        var zone = SupportPlan.ReportingZone;
        var rows = tickets.GroupBy(t => MondayOf(t.Created)).Select(g =>
        {
            var decided = g.Select(t => TicketSla.FirstResponseBreached(t, end)).Where(b => b is not null).ToList();
            return (Monday: g.Key, Tickets: g.Count(), Breach: decided.Count == 0 ? 0 : decided.Count(b => b == true) / (double)decided.Count);
        }).Where(w => w.Monday >= window.FirstDay && w.Monday.PlusDays(7) <= window.EndDay).ToList();
        var median = rows.Select(r => r.Breach).Order().ElementAt(rows.Count / 2);
        var result = new List<OverloadedWeek>();
        foreach (var week in rows.Where(r => r.Breach >= Math.Max(2 * median, median + 0.04)).OrderByDescending(r => r.Breach).Take(8).OrderBy(r => r.Monday))
        {
            var start = zone.AtStartOfDay(week.Monday).ToInstant();
            var stop = start + Duration.FromDays(7);
            var peak = 0.0;
            for (var h = (int)(start - window.Start).TotalHours; h < Math.Min(model.BacklogByHour.Count, (int)(stop - window.Start).TotalHours); h++)
            {
                peak = Math.Max(peak, model.BacklogByHour[h]);
            }
            var causes = new List<string>();
            causes.AddRange(model.Staffing.Dips.Where(d => d.From < week.Monday.PlusDays(7) && d.To > week.Monday).Select(d => d.Reason.Split(':')[0]));
            causes.AddRange(model.Demand.Launches.Where(l => l.Day >= week.Monday.PlusDays(-7) && l.Day < week.Monday.PlusDays(7)).Select(l => $"launch of {l.Name}"));
            causes.AddRange(incidents.Where(i => i.Severity <= 2 && i.Started >= start - Duration.FromDays(1) && i.Started < stop).Select(i => $"sev {i.Severity} {i.Id}"));
            var contacts = ContactFigures.Of(volume.Where(v => v.IntervalStart >= start && v.IntervalStart < stop));
            result.Add(new OverloadedWeek(week.Monday, week.Tickets, week.Breach, peak, contacts, causes.Count == 0 ? "demand above staffing" : string.Join(", ", causes.Distinct())));
        }
        return result;
    }
}
