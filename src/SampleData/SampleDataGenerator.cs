using System.Text;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Contacts;
using SupportLens.SampleData.Exports;
using SupportLens.SampleData.Incidents;
using SupportLens.SampleData.Readme;
using SupportLens.SampleData.Scale;
using SupportLens.SampleData.Surveys;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData;

/// <summary>
/// Runs the steps in order, each on its own seeded random stream: clients and their stories, incidents, tickets (hour by
/// hour through the shift queue), surveys, checks, the contact centre's interval volume; then writes the generic files,
/// the vendor renderings and the README.
/// </summary>
public static class SampleDataGenerator
{
    public static SampleDataResult Generate(SampleDataOptions options, string outDir, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(outDir);
        string PathOf(string relative) => Path.Combine(outDir, relative);

        if (options.ScaleTickets is { } scale)
        {
            // Benchmarks: stream the tickets straight to disk; nothing else is kept, so memory stays flat.
            var history = new ScaledHistory(scale, options.Seed, options.Today);
            var clientRows = CsvWriters.Clients(PathOf("clients.csv"), history.Clients);
            var written = 0L;
            var rows = CsvWriters.Tickets(PathOf("tickets.csv"), history.Tickets(), _ =>
            {
                if (++written % 1_000_000 == 0)
                {
                    progress?.Invoke($"{written:N0} tickets");
                }
            });
            return new SampleDataResult(
            [
                new("clients.csv", clientRows, ClientsWhat),
                new("tickets.csv", rows, $"{scale:N0} tickets, the default history's shape scaled up"),
            ]);
        }

        var window = options.Window;
        var seed = options.Seed;
        var clients = ClientRoster.Create(window, options.Today, Prng.For(seed, "clients"));
        clients = ChurnStories.Assign(clients, window, options.Today, Prng.For(seed, "stories"));
        var incidents = IncidentModel.Create(clients, window, Prng.For(seed, "incidents"));
        var model = new TicketModel(clients, incidents, window, seed, exactTickets: null);
        var files = new List<GeneratedFile>
        {
            new("clients.csv", CsvWriters.Clients(PathOf("clients.csv"), clients.Select(c => c.ToRow())), ClientsWhat),
        };

        var tickets = model.Generate().ToList();
        progress?.Invoke($"{tickets.Count:N0} tickets generated");
        var csat = SurveyModel.Csat(tickets, window, Prng.For(seed, "csat"));
        var nps = SurveyModel.Nps(clients, tickets, csat, window, Prng.For(seed, "nps"));
        var checks = MonitoringModel.Create(incidents, window, Prng.For(seed, "checks")).ToList();
        var volume = ContactCentre.Intervals(tickets, model, Prng.For(seed, "volume"));

        files.Add(new("tickets.csv.gz", CsvWriters.Tickets(PathOf("tickets.csv.gz"), tickets.Select(t => t.ToRow())), "tickets as they stood at the end of the history (gzip)"));
        files.Add(new("ticket-events.csv.gz", CsvWriters.TicketEvents(PathOf("ticket-events.csv.gz"), tickets), "replies, escalations, assignments and status changes (pending, on_hold, solved, reopen, closed)"));
        files.Add(new("csat.csv", CsvWriters.Csat(PathOf("csat.csv"), csat), "CSAT answers (1–5) to the survey sent when a ticket is solved"));
        files.Add(new("nps.csv", CsvWriters.Nps(PathOf("nps.csv"), nps), "quarterly NPS answers (0–10) of each client's contacts"));
        files.Add(new("incidents.csv", CsvWriters.Incidents(PathOf("incidents.csv"), incidents, window.End), "incidents, severity 1–4, with the clients they hit (`*` = all)"));
        // Gzipped: tens of thousands of near-identical hourly probes compress well, and ingest reads gzip of any format.
        files.Add(new("checks.csv.gz", CsvWriters.Checks(PathOf("checks.csv.gz"), checks), "synthetic monitoring per component (gzip)"));
        // Gzipped like the other long files: interval rows repeat the same few shapes.
        files.Add(new("volume.csv.gz", CsvWriters.Volume(PathOf("volume.csv.gz"), volume), "phone and chat contacts per 30-minute interval and client, as an ACD or chat platform exports them (gzip)"));

        Directory.CreateDirectory(PathOf("zendesk"));
        // Gzipped: 41 columns a ticket make it the largest file by far, and it only repeats tickets.csv.gz.
        var zendesk = new ZendeskExport(PathOf("zendesk/tickets.csv.gz"), window.End, csat, Prng.For(seed, "zendesk"));
        foreach (var ticket in tickets)
        {
            zendesk.Write(ticket);
        }
        zendesk.Close();
        files.Add(new("zendesk/tickets.csv.gz", zendesk.Rows, "the same tickets as a Zendesk ticket CSV export (gzip)"));

        Directory.CreateDirectory(PathOf("statuspage"));
        StatuspageExport.Write(PathOf("statuspage/incidents.json"), incidents, window, Prng.For(seed, "statuspage"));
        files.Add(new("statuspage/incidents.json", incidents.Count(i => i.FirstUpdate < window.End), "the same incidents as Statuspage v2 API JSON"));

        var summary = SampleSummary.Compute(clients, tickets, csat, nps, incidents, checks, volume, model, window);
        var readme = SampleReadme.Render(options, summary, clients, files.Select(f => (f.Path, f.Rows, f.What)).ToList(), model);
        File.WriteAllText(PathOf("README.md"), readme, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        files.Add(new("README.md", 0, "this file"));
        return new SampleDataResult(files) { Summary = summary };
    }

    private const string ClientsWhat = "40 clients: tier, time zone, region, success manager, contract, renewal, MRR, churn date";
}
