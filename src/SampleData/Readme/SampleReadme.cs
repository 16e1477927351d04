using System.Globalization;
using System.Text;

namespace SupportLens.Web.SampleData;

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
        Line("CSAT and NPS answers, incidents and monitoring checks, in the generic format of DESIGN.md §3, plus the same tickets as a");
        Line("Zendesk ticket CSV export and the same incidents as Statuspage v2 JSON. Written by the generator in `src/Web/SampleData/`;");
        Line("this README is part of its output, and every figure below is computed from the files, not typed.");
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
        Line("the time until the next one when computing availability. `tickets.csv.gz`, `ticket-events.csv.gz` and `checks.csv.gz` are gzipped to keep the repository small (ingest reads gzip of any format; `zcat` shows them).");
        Line("The Zendesk export's dates carry no zone: they are UTC (ingest with `--timezone UTC`, the default); its ids are");
        Line(Inv($"`{ZendeskExport.IdOffset}` + the number of the generic ticket id; `Client [list]` holds the generic client id; `Satisfaction Score`"));
        Line("is Good/Bad for answered surveys (4–5 good), Offered for other solved tickets, Not Offered for unsolved ones; status `Hold` is `on_hold`.");
        Line("The Statuspage file is the v2 API listing (`{page, incidents:[...]}`, newest first); a public status page does not say which");
        Line("clients an incident hit, so use `incidents.csv` for that.");
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
        foreach (var tier in TierNames.All)
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
        foreach (var tier in TierNames.All)
        {
            var f = s.ByTier[tier];
            var p = SlaPolicy.For(tier);
            Line(Inv($"| {tier.Name()} | {p.Calendar.Description} | {p.FirstResponse.TotalHours:0} h, {Pct(f.FirstResponseBreachShare)} | {p.Resolution.TotalHours:0} h, {Pct(f.ResolutionBreachShare)} | {Pct(f.Csat)} ({Pct(p.CsatTarget)}) | {f.CsatResponses:N0} | {Num(f.Nps)} | {f.NpsResponses:N0} | {Pct(f.Fcr)} ({Pct(p.FcrTarget)}) | {Pct(f.EscalationRate)} | {Pct(f.ReopenRate)} |"));
        }
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
            Line(Inv($"- {launch.Day:yyyy-MM-dd}: launch of {launch.Name}, a two-week surge of how-to and integration tickets."));
        }
        Line();
        Line("The weeks (Monday, America/New_York) whose first-response breach share is at least twice the median week's, worst eight:");
        Line();
        Line("| week of | tickets | first response breached | peak backlog (agent-hours) | causes |");
        Line("|---|---:|---:|---:|---|");
        foreach (var w in s.OverloadedWeeks)
        {
            Line(Inv($"| {w.Monday:yyyy-MM-dd} | {w.Tickets:N0} | {Pct(w.FirstResponseBreachShare)} | {w.PeakBacklogHours:0.0} | {w.Causes} |"));
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

    private static string Pct(double? share) => share is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Num(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
