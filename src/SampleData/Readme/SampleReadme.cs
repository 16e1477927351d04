using System.Globalization;
using System.Text;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Contacts;
using SupportLens.SampleData.Exports;
using SupportLens.SampleData.Incidents;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Readme;

/// <summary>Renders sample-data/README.md from the summary, so its figures always match the files next to it.</summary>
internal static class SampleReadme
{
    internal static string Render(SampleDataOptions options, SampleSummary s, IReadOnlyList<SampleClient> clients,
        IReadOnlyList<(string File, long Rows, string What)> files, TicketModel model)
    {
        var window = options.Window;
        var b = new StringBuilder();
        void Line(string text = "") => b.Append(text).Append('\n');

        Line("# Sample data");
        Line();
        Line("A deterministic, made-up support history of 40 real-estate clients of a 24/7 voice-agent platform: tickets, ticket events,");
        Line("CSAT and NPS answers, incidents, monitoring checks and the contact centre's interval volume, in the generic format of");
        Line("DESIGN.md §3, plus the same tickets as a Zendesk ticket CSV export and the same incidents as Statuspage v2 JSON. Written by");
        Line("the generator in `src/SampleData/` on the support plan of `SupportLensSettings.Default` (tiers, SLA targets, business");
        Line("calendars with their US holidays, incident targets); this README is part of its output, and every figure below is");
        Line("computed from the files, not typed.");
        Line();
        Line("```sh");
        Line(options.CommandLine() + "            # writes ./sample-data (same seed and date => the same bytes)");
        Line("./supportlens sample-data --scale 10000000 --out /tmp/big   # clients + 10 M tickets, streamed, for benchmarks");
        Line("```");
        Line();
        Line(Inv($"Seed {options.Seed}, today {options.Today:yyyy-MM-dd}: the history covers the {options.HistoryMonths} complete months {window.FirstDay:yyyy-MM-dd} to {window.EndDay.PlusDays(-1):yyyy-MM-dd}"));
        Line("(months cut in America/New_York, the reporting zone). Timestamps are UTC ISO-8601 with `Z`; clients' business hours, holidays");
        Line("and seasonality are computed in each client's own IANA time zone (NodaTime, DST-correct).");
        Line();
        Line("## Files");
        Line();
        Line("| file | rows | what |");
        Line("|---|---:|---|");
        foreach (var (file, rows, what) in files)
        {
            Line(Inv($"| `{file}` | {rows:N0} | {what} |"));
        }
        Line();
        Line("Tickets still open at the end of the history are exported as they stood then (`new`, `open`, `pending`, `on_hold`), without");
        Line("the timestamps that had not happened yet. Ticket events exist for every ticket that was pending, on hold, escalated or");
        Line("reopened (so SLA clocks can pause) and for a 10 % sample of the others. Most business and enterprise escalations (and half");
        Line("of professional ones) happen at triage, before the first reply, so the engineer's one answer still counts as one-touch.");
        Line("Checks are hourly per component and every five minutes while a severity 1–2 incident is open on it: weight each check by");
        Line("the time until the next one when computing availability. `tickets.csv.gz`, `ticket-events.csv.gz`, `checks.csv.gz` and `volume.csv.gz` are gzipped to keep the repository small (ingest reads gzip of any format; `zcat` shows them).");
        Line("The Zendesk export's dates carry no zone: they are UTC (ingest with `--timezone UTC`, the default); its ids are");
        Line(Inv($"`{ZendeskExport.IdOffset}` + the number of the generic ticket id; `Client [list]` holds the generic client id; `Satisfaction Score`"));
        Line("is Good/Bad for answered surveys (4–5 good), Offered for other solved tickets, Not Offered for unsolved ones; status `Hold` is `on_hold`.");
        Line("The Statuspage file is the v2 API listing (`{page, incidents:[...]}`, newest first); a public status page does not say which");
        Line("clients an incident hit, so use `incidents.csv` for that.");
        Line();
        Line("`volume.csv.gz` is the `volume` kind (DESIGN.md §3): what a telephony/ACD or chat platform counts per interval, one row per");
        Line(Inv($"{ContactCentre.IntervalMinutes}-minute interval, channel (`phone`, `chat`) and client with at least one contact offered (an interval without a row had none)."));
        Line("`interval_start` is the interval's local start in America/New_York with its UTC offset, as such platforms write it. It agrees");
        Line("with the tickets: `handled` is the number of phone or chat tickets of that client created in the interval, and `offered` =");
        Line("`handled` + `abandoned`, where abandoned contacts hung up in the queue and never became tickets. `avg_handle_seconds` (talk or");
        Line("chat plus wrap-up) and `avg_wait_seconds` are over the handled contacts and empty when none was handled; `service_level_pct`");
        Line(Inv($"is the share of offered contacts answered within {ContactCentre.ServiceLevelThreshold.TotalSeconds:0} s (abandoned ones count as not answered). Waits and"));
        Line("abandonment come from the generator's queue model: each tier's contacts are routed by priority, and waits grow with the");
        Line("shift queue's backlog, so the overloaded weeks below show long waits and more hang-ups.");
        Line();

        Line("## Summary");
        Line();
        Line(Inv($"{s.Overall.Tickets:N0} tickets; first-response SLA breached on {Pct(s.Overall.FirstResponseBreachShare)}, resolution SLA on {Pct(s.Overall.ResolutionBreachShare)} of decided tickets;"));
        Line(Inv($"CSAT {Pct(s.Overall.Csat)} from {s.Overall.CsatResponses:N0} answers ({Pct(s.CsatResponseRate)} of solved tickets answered); NPS {Num(s.Overall.Nps)} from {s.Overall.NpsResponses:N0} answers;"));
        Line(Inv($"FCR (one-touch) {Pct(s.Overall.Fcr)}; escalation rate {Pct(s.Overall.EscalationRate)}; reopen rate {Pct(s.Overall.ReopenRate)}."));
        Line();
        Line("Tickets per tier and channel:");
        Line();
        Line("| tier | clients | " + string.Join(" | ", SampleSummary.Channels) + " | total |");
        Line("|---|---:|" + string.Concat(SampleSummary.Channels.Select(_ => "---:|")) + "---:|");
        foreach (var tier in SupportPlan.Tiers)
        {
            var row = s.TicketsByTierAndChannel[tier];
            Line(Inv($"| {tier.Name()} | {clients.Count(c => c.Tier == tier)} | ") + string.Join(" | ", SampleSummary.Channels.Select(ch => Inv($"{row[ch]:N0}"))) + Inv($" | {row.Values.Sum():N0} |"));
        }
        var totals = SampleSummary.Channels.Select(ch => s.TicketsByTierAndChannel.Values.Sum(r => r[ch])).ToList();
        Line(Inv($"| all | {clients.Count} | ") + string.Join(" | ", totals.Select(n => Inv($"{n:N0}"))) + Inv($" | {totals.Sum():N0} |"));
        Line();
        Line("Quality per tier against the plan's targets (DESIGN.md §4; SLA target ≥ 95 % met, i.e. ≤ 5 % breached):");
        Line();
        Line("| tier | SLA calendar | first response: target, breached | resolution: target, breached | CSAT (target) | answers | NPS | answers | FCR (target) | escalated | reopened |");
        Line("|---|---|---|---|---|---:|---:|---:|---|---:|---:|");
        foreach (var tier in SupportPlan.Tiers)
        {
            var f = s.ByTier[tier];
            var p = SupportPlan.Policy(tier).Targets;
            var q = SupportPlan.Quality(tier);
            Line(Inv($"| {tier.Name()} | {Describe(p.Calendar)} | {p.FirstResponse.TotalHours:0} h, {Pct(f.FirstResponseBreachShare)} | {p.Resolution.TotalHours:0} h, {Pct(f.ResolutionBreachShare)} | {Pct(f.Csat)} ({Pct(q.CsatPct / 100)}) | {f.CsatResponses:N0} | {Num(f.Nps)} | {f.NpsResponses:N0} | {Pct(f.Fcr)} ({Pct(q.FcrPct / 100)}) | {Pct(f.EscalationRate)} | {Pct(f.ReopenRate)} |"));
        }
        Line();
        var daily = s.Daily;
        Line("Tickets created per day (America/New_York), the series forecasts are built on:");
        Line();
        Line("| | Mon | Tue | Wed | Thu | Fri | Sat | Sun |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        Line("| mean tickets (holidays left out) | " + string.Join(" | ", daily.MeanByWeekday.Select(m => Inv($"{m:0.0}"))) + " |");
        Line();
        Line(Inv($"- Weekly pattern: brokerages work weekdays in their own time zones, so weekends are quiet (Sunday evening in New York is Monday morning in Sydney)."));
        Line(Inv($"- Holiday dips: the {daily.Holidays} US federal holidays on weekdays average {daily.HolidayMean:0.0} tickets against {daily.HolidayNeighbourMean:0.0} on the same weekday a week before and after ({Pct(daily.HolidayMean / daily.HolidayNeighbourMean)}); other regions' public holidays dip their own clients."));
        if (daily.Shift is { } shift)
        {
            Line(Inv($"- Level shift: working days average {daily.LevelBefore:0.0} tickets in the eight weeks before the launch of {shift.Name} ({shift.Day:yyyy-MM-dd}) and {daily.LevelAfter:0.0} in weeks 4 to 11 after it, once its surge is over."));
        }
        Line(Inv($"- Noise: a working day typically (median) differs by {Pct(daily.Noise)} from the mean of the same weekday two weeks either side; on top come a slow growth trend per client, new clients signing, churners fading, incident spikes and launch surges."));
        Line();
        Line("Per month (created in the month; CSAT and NPS answered in the month):");
        Line();
        Line("| month | tickets | first response breached | resolution breached | CSAT | NPS | FCR | escalated |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (month, f) in s.ByMonth)
        {
            Line(Inv($"| {month:yyyy-MM} | {f.Tickets:N0} | {Pct(f.FirstResponseBreachShare)} | {Pct(f.ResolutionBreachShare)} | {Pct(f.Csat)} | {Num(f.Nps)} | {Pct(f.Fcr)} | {Pct(f.EscalationRate)} |"));
        }
        Line();

        Line("## Stories");
        Line();
        Line("### Clients that churn");
        Line();
        Line("Each leaves at its renewal (`churned_on` = `renewal_date`) and declines in its own way first. \"Before\" is the client's history");
        Line("up to 90 days before it leaves, \"last 90 days\" the 90 days before `churned_on` (tickets by creation, CSAT by the ticket it rates).");
        Line();
        StoryTable(b, s.Stories.Where(x => x.Client.Story.Kind == StoryKind.Churn));
        Line();
        Line("### Noisy clients that stay");
        Line();
        Line("They look bad on some measures all along but renew: a risk model has to tell them from the churners. \"Last 90 days\" is the");
        Line("end of the history.");
        Line();
        StoryTable(b, s.Stories.Where(x => x.Client.Story.Kind == StoryKind.Noisy));
        Line();
        Line("### Overloaded weeks");
        Line();
        Line("Shifts are staffed to the previous month's demand with 25 % headroom (follow-the-sun: APAC 22–06, EMEA 06–14, Americas 14–22 UTC).");
        Line("Planned shortfalls:");
        Line();
        foreach (var dip in model.Staffing.Dips)
        {
            Line(Inv($"- {dip.From:yyyy-MM-dd} to {dip.To.PlusDays(-1):yyyy-MM-dd}: {dip.Reason}."));
        }
        foreach (var launch in model.Demand.Launches)
        {
            var lasting = launch.LastingLift > 0 ? Inv($", then a lasting {launch.LastingLift:P0} more tickets as clients adopt it (a level shift)") : "";
            Line(Inv($"- {launch.Day:yyyy-MM-dd}: launch of {launch.Name}, a two-week surge of how-to and integration tickets{lasting}."));
        }
        Line();
        Line("The weeks (Monday, America/New_York) whose first-response breach share is at least twice the median week's, worst eight:");
        Line();
        Line("| week of | tickets | first response breached | peak backlog (agent-hours) | phone and chat abandoned | answered within 60 s | causes |");
        Line("|---|---:|---:|---:|---:|---:|---|");
        foreach (var w in s.OverloadedWeeks)
        {
            Line(Inv($"| {w.Monday:yyyy-MM-dd} | {w.Tickets:N0} | {Pct(w.FirstResponseBreachShare)} | {w.PeakBacklogHours:0.0} | {Pct(w.Contacts.AbandonedShare)} | {Pct(w.Contacts.ServiceLevel)} | {w.Causes} |"));
        }
        var other = s.ContactsInOtherWeeks;
        Line(Inv($"| all other weeks | | | | {Pct(other.AbandonedShare)} | {Pct(other.ServiceLevel)} | |"));
        Line();

        Line("## Contact centre");
        Line();
        Line(Inv($"From `volume.csv.gz`, {ContactCentre.IntervalMinutes}-minute intervals (averages over handled contacts; service level = answered within 60 s / offered):"));
        Line();
        Line("| channel | offered | handled (= tickets) | abandoned | avg handle | avg wait | service level |");
        Line("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (channel, c) in s.ContactsByChannel)
        {
            Line(Inv($"| {channel} | {c.Offered:N0} | {c.Handled:N0} | {c.Abandoned:N0} ({Pct(c.AbandonedShare)}) | {Seconds(c.AvgHandleSeconds)} | {Seconds(c.AvgWaitSeconds)} | {Pct(c.ServiceLevel)} |"));
        }
        Line();

        Line("## Incidents and monitoring");
        Line();
        Line("| severity | incidents | acknowledged late | first update late | resolved late |");
        Line("|---|---:|---:|---:|---:|");
        foreach (var (severity, count, ack, comm, res) in s.IncidentsBySeverity)
        {
            var commTarget = IncidentModel.CommunicationTarget(severity) is null ? "–" : Inv($"{comm}");
            Line(Inv($"| {severity} | {count} | {ack} | {commTarget} | {res} |"));
        }
        Line();
        Line("| component | availability (time-weighted) | p95 latency |");
        Line("|---|---:|---:|");
        foreach (var (component, availability, p95) in s.Monitoring)
        {
            Line(Inv($"| {component} | {availability * 100:0.000} % | {p95:0} ms |"));
        }
        return b.ToString();
    }

    private static void StoryTable(StringBuilder b, IEnumerable<StoryFigures> stories)
    {
        b.Append("| client | tier | churned on | pattern | tickets/month before → last 90 days | CSAT | SLA breached | escalated | NPS |\n");
        b.Append("|---|---|---|---|---|---|---|---|---|\n");
        var narratives = new List<string>();
        foreach (var x in stories)
        {
            var c = x.Client;
            b.Append(Inv($"| {c.Id} {c.Name} | {c.Tier.Name()} | {(c.ChurnedOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "stays")} | {c.Story.Pattern} | {x.EarlierTicketsPerMonth:0.0} → {x.LateTicketsPerMonth:0.0} | {Pct(x.Earlier.Csat)} → {Pct(x.Late.Csat)} | {Pct(x.Earlier.AnyBreachShare)} → {Pct(x.Late.AnyBreachShare)} | {Pct(x.Earlier.EscalationRate)} → {Pct(x.Late.EscalationRate)} | {Num(x.Earlier.Nps)} → {Num(x.Late.Nps)} |\n"));
            narratives.Add(Inv($"- **{c.Id} {c.Name}** ({c.Story.Pattern}): {c.Story.Narrative}."));
        }
        b.Append('\n');
        foreach (var n in narratives)
        {
            b.Append(n).Append('\n');
        }
    }

    /// <summary>"Mon–Fri 09:00–18:00 America/New_York, closed on us-federal holidays", or "24×7".</summary>
    private static string Describe(BusinessCalendar calendar)
    {
        if (calendar.IsAlwaysOpen)
        {
            return "24×7";
        }
        var days = calendar.Hours.GroupBy(h => (h.Opens, h.Closes)).Select(g =>
        {
            var list = g.Select(h => h.Day).ToList();
            var span = list.Count > 2 && list[^1] - list[0] == list.Count - 1 ? $"{Day(list[0])}–{Day(list[^1])}" : string.Join(", ", list.Select(Day));
            return Inv($"{span} {g.Key.Opens:HH:mm}–{(g.Key.Closes == NodaTime.LocalTime.Midnight ? "24:00" : g.Key.Closes.ToString("HH:mm", CultureInfo.InvariantCulture))}");
        });
        var text = $"{string.Join(", ", days)} {calendar.Zone.Id}";
        var holidays = calendar.Holidays.Rules.Count > 0 ? string.Join(" and ", calendar.Holidays.Rules) : calendar.Holidays.Name;
        return calendar.Holidays.IsEmpty ? text : $"{text}, closed on {holidays} holidays";
    }

    private static string Day(NodaTime.IsoDayOfWeek day) => day.ToString()[..3];

    private static string Seconds(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " s" : "–";

    private static string Pct(double? share) => share is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Num(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
