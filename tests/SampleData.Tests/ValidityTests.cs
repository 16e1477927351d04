using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using SupportLens.SampleData.Clients;

namespace SupportLens.SampleData.Tests;

/// <summary>Every row is valid per DESIGN.md §3, so ingest can load the files with zero rejected rows.</summary>
[Collection(SampleDataCollection.Name)]
public sealed partial class ValidityTests(SampleDataFixture fixture)
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoUtc();

    private static readonly DateTimeOffset HistoryStart = new(2025, 5, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HistoryEnd = new(2026, 11, 1, 4, 0, 0, TimeSpan.Zero);

    private List<Dictionary<string, string>> Rows(string file) => SampleFiles.Csv(fixture.File(file));

    private static DateTimeOffset? Time(string value, string what)
    {
        if (value.Length == 0)
        {
            return null;
        }
        Assert.True(IsoUtc().IsMatch(value), $"{what}: '{value}' is not ISO-8601 UTC with Z");
        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [Fact]
    public void Forty_clients_in_the_plan_s_tier_split_with_five_to_eight_churning_inside_the_history()
    {
        var clients = Rows("clients.csv");
        Assert.Equal(40, clients.Count);
        Assert.Equal(40, clients.Select(c => c["client_id"]).Distinct().Count());
        var tiers = clients.GroupBy(c => c["tier"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(16, tiers["starter"]);
        Assert.Equal(12, tiers["professional"]);
        Assert.Equal(8, tiers["business"]);
        Assert.Equal(4, tiers["enterprise"]);
        Assert.All(clients, c => Assert.NotNull(DateTimeZoneProviders.Tzdb.GetZoneOrNull(c["timezone"])));
        Assert.InRange(clients.Select(c => c["timezone"]).Distinct().Count(), 4, 40);
        Assert.InRange(clients.Select(c => c["success_manager"]).Distinct().Count(), 5, 6);
        var churned = clients.Where(c => c["churned_on"].Length > 0).Select(c => DateOnly.ParseExact(c["churned_on"], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(churned.Count, 5, 8);
        Assert.All(churned, d => Assert.InRange(d, new DateOnly(2025, 5, 1), new DateOnly(2026, 10, 31)));
        Assert.All(clients, c => Assert.True(decimal.Parse(c["mrr"], CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public void Tickets_are_valid_ordered_and_belong_to_active_clients()
    {
        var clients = Rows("clients.csv").ToDictionary(c => c["client_id"]);
        var tickets = Rows("tickets.csv.gz");
        Assert.InRange(tickets.Count, 30_000, 80_000);
        Assert.Equal(tickets.Count, tickets.Select(t => t["ticket_id"]).Distinct().Count());
        foreach (var t in tickets)
        {
            var id = t["ticket_id"];
            Assert.True(clients.TryGetValue(t["client_id"], out var client), $"{id}: unknown client");
            Assert.Contains(t["channel"], new[] { "email", "chat", "phone", "web", "api" });
            Assert.Contains(t["priority"], new[] { "low", "normal", "high", "urgent" });
            Assert.Contains(t["status"], new[] { "new", "open", "pending", "on_hold", "solved", "closed" });
            Assert.Contains(t["support_level"], new[] { "1", "2", "3" });
            Assert.Contains(t["escalated"], new[] { "true", "false" });
            var created = Time(t["created_at"], id)!.Value;
            var response = Time(t["first_response_at"], id);
            var solved = Time(t["solved_at"], id);
            var closed = Time(t["closed_at"], id);
            var updated = Time(t["updated_at"], id)!.Value;
            Assert.InRange(created, HistoryStart, HistoryEnd);
            Assert.True(response is null || response >= created, $"{id}: first response before creation");
            Assert.True(solved is null || (response is not null && solved >= response), $"{id}: solved before first response");
            Assert.True(closed is null || (solved is not null && closed >= solved), $"{id}: closed before solved");
            Assert.True(updated >= created && updated < HistoryEnd, $"{id}: updated_at out of range");
            Assert.Equal(t["status"] is "solved" or "closed", solved is not null);
            Assert.True(created >= DateTimeOffset.Parse(client["contract_start"], CultureInfo.InvariantCulture).AddDays(-1), $"{id}: before the contract");
            if (client["churned_on"].Length > 0)
            {
                Assert.True(created < DateTimeOffset.Parse(client["churned_on"], CultureInfo.InvariantCulture).AddDays(1), $"{id}: after churn");
            }
            Assert.True(int.Parse(t["agent_replies"], CultureInfo.InvariantCulture) >= 0);
            Assert.True(int.Parse(t["reopens"], CultureInfo.InvariantCulture) >= 0);
        }
    }

    [Fact]
    public void Ticket_events_csat_and_nps_point_at_tickets_and_clients_that_exist()
    {
        var clients = Rows("clients.csv").Select(c => c["client_id"]).ToHashSet();
        var tickets = Rows("tickets.csv.gz").ToDictionary(t => t["ticket_id"]);
        var events = Rows("ticket-events.csv.gz");
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            Assert.True(tickets.TryGetValue(e["ticket_id"], out var ticket), $"event of unknown ticket {e["ticket_id"]}");
            Assert.Contains(e["event"], new[] { "status", "public_reply", "escalation", "assignment" });
            Assert.True(Time(e["occurred_at"], e["ticket_id"]) >= Time(ticket["created_at"], e["ticket_id"]));
        }
        Assert.Contains(events, e => e["event"] == "status" && e["value"] == "pending");
        Assert.Contains(events, e => e["event"] == "status" && e["value"] == "on_hold");
        var withEvents = events.Select(e => e["ticket_id"]).Distinct().Count();
        Assert.InRange(withEvents / (double)tickets.Count, 0.1, 0.5);

        var csat = Rows("csat.csv");
        Assert.Equal(csat.Count, csat.Select(r => r["response_id"]).Distinct().Count());
        foreach (var r in csat)
        {
            Assert.True(tickets.TryGetValue(r["ticket_id"], out var ticket), $"CSAT for unknown ticket {r["ticket_id"]}");
            Assert.Equal(ticket["client_id"], r["client_id"]);
            Assert.InRange(int.Parse(r["score"], CultureInfo.InvariantCulture), 1, 5);
            Assert.True(Time(r["responded_at"], r["response_id"]) >= Time(ticket["solved_at"], r["response_id"]));
        }
        // About 30 % of solved tickets get an answer.
        var solved = tickets.Values.Count(t => t["solved_at"].Length > 0);
        Assert.InRange(csat.Count / (double)solved, 0.25, 0.35);

        var nps = Rows("nps.csv");
        Assert.Equal(nps.Count, nps.Select(r => r["response_id"]).Distinct().Count());
        Assert.All(nps, r => Assert.Contains(r["client_id"], clients));
        Assert.All(nps, r => Assert.InRange(int.Parse(r["score"], CultureInfo.InvariantCulture), 0, 10));
        Assert.All(nps, r => Time(r["responded_at"], r["response_id"]));
        // Every client answers the quarterly NPS survey at least once.
        Assert.Equal(clients.Count, nps.Select(r => r["client_id"]).Distinct().Count());
    }

    [Fact]
    public void Incidents_and_checks_are_valid_and_downtime_matches_the_outages()
    {
        var clients = Rows("clients.csv").Select(c => c["client_id"]).ToHashSet();
        var incidents = Rows("incidents.csv");
        Assert.Equal(new[] { "1", "2", "3", "4" }, incidents.Select(i => i["severity"]).Distinct().Order());
        foreach (var i in incidents)
        {
            var started = Time(i["started_at"], i["incident_id"])!.Value;
            Assert.True(Time(i["acknowledged_at"], i["incident_id"]) is not { } ack || ack >= started);
            Assert.True(Time(i["resolved_at"], i["incident_id"]) is not { } resolved || resolved >= started);
            Assert.NotEmpty(i["title"]);
            var affected = i["affected_clients"];
            Assert.True(affected == "*" || affected.Split(';').All(clients.Contains), $"{i["incident_id"]}: unknown client in '{affected}'");
        }
        var checks = Rows("checks.csv.gz");
        Assert.All(checks, c => Assert.Contains(c["ok"], new[] { "true", "false" }));
        Assert.All(checks.Where(c => c["ok"] == "true"), c => Assert.True(double.Parse(c["latency_ms"], CultureInfo.InvariantCulture) > 0));
        // Failed checks fall (all but rare blips) inside an incident on the same component, and every severity 1 shows as downtime.
        var outages = incidents.Select(i => (i["component"], Start: Time(i["started_at"], "")!.Value, End: Time(i["resolved_at"], "") ?? HistoryEnd)).ToList();
        var failed = checks.Where(c => c["ok"] == "false").ToList();
        Assert.NotEmpty(failed);
        var explained = failed.Count(c => outages.Any(o => o.Item1 == c["component"] && Time(c["checked_at"], "") >= o.Start && Time(c["checked_at"], "") < o.End));
        Assert.True(explained >= failed.Count * 0.9, $"{explained} of {failed.Count} failed checks fall in an incident");
        foreach (var sev1 in incidents.Where(i => i["severity"] == "1"))
        {
            var (start, end) = (Time(sev1["started_at"], "")!.Value, Time(sev1["resolved_at"], "") ?? HistoryEnd);
            Assert.Contains(failed, c => c["component"] == sev1["component"] && Time(c["checked_at"], "") >= start && Time(c["checked_at"], "") < end);
        }
    }

    [Fact]
    public void Churned_clients_get_worse_before_they_leave()
    {
        var stories = fixture.Result.Summary!.Stories.Where(s => s.Client.Story.Kind == StoryKind.Churn).ToList();
        Assert.InRange(stories.Count, 5, 8);
        Assert.Equal(stories.Count, stories.Select(s => s.Client.Story.Pattern).Distinct().Count());
        foreach (var s in stories)
        {
            var worseCsat = s.Late.Csat < s.Earlier.Csat;
            var worseSla = s.Late.AnyBreachShare > s.Earlier.AnyBreachShare;
            Assert.True(worseCsat || worseSla, $"{s.Client.Id} ({s.Client.Story.Pattern}) does not deteriorate on CSAT or SLA");
        }
    }

    [Fact]
    public void The_zendesk_export_has_the_exact_header_and_one_row_per_ticket()
    {
        const string header = "Summation column, Id, Requester, Requester id, Requester external id, Requester email, Requester domain, "
            + "Submitter, Assignee, Group, Subject, Tags, Status, Priority, Via, Ticket type, Created at, Updated at, "
            + "Assigned at, Organization, Due date, Initially assigned at, Solved at, Resolution time, Satisfaction Score, "
            + "Group stations, Assignee stations, Reopens, Replies, First reply time in minutes, First reply time in "
            + "minutes within business hours, First resolution time in minutes, First resolution time in minutes within "
            + "business hours, Full resolution time in minutes, Full resolution time in minutes within business hours, "
            + "Agent wait time in minutes, Agent wait time in minutes within business hours, Requester wait time in "
            + "minutes, Requester wait time in minutes within business hours, On hold time in minutes, On hold time in "
            + "minutes within business hours";
        var text = SampleFiles.ReadText(fixture.File("zendesk/tickets.csv.gz"));
        Assert.StartsWith(header.Replace(", ", ",") + ",", text);
        var rows = SampleFiles.Csv(fixture.File("zendesk/tickets.csv.gz"));
        Assert.Equal(Rows("tickets.csv.gz").Count, rows.Count);
        Assert.All(rows, r => Assert.Contains(r["Satisfaction Score"], new[] { "Not Offered", "Offered", "Good", "Bad" }));
        Assert.Equal(Rows("csat.csv").Count, rows.Count(r => r["Satisfaction Score"] is "Good" or "Bad"));
    }

    [Fact]
    public void The_statuspage_json_lists_the_incidents_in_the_v2_shape()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(fixture.File("statuspage/incidents.json")));
        var incidents = json.RootElement.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Equal(Rows("incidents.csv").Count, incidents.Count);
        foreach (var incident in incidents)
        {
            foreach (var field in new[] { "id", "name", "status", "impact", "created_at", "updated_at", "resolved_at", "started_at", "incident_updates", "components" })
            {
                Assert.True(incident.TryGetProperty(field, out _), $"incident without {field}");
            }
            Assert.Contains(incident.GetProperty("impact").GetString(), new[] { "none", "minor", "major", "critical" });
            Assert.NotEmpty(incident.GetProperty("incident_updates").EnumerateArray());
        }
    }

    [Fact]
    public void The_readme_reports_the_figures_and_the_stories()
    {
        var readme = File.ReadAllText(fixture.File("README.md"));
        Assert.Contains("./supportlens sample-data", readme);
        Assert.Contains("Tickets per tier and channel", readme);
        Assert.Contains("### Clients that churn", readme);
        Assert.Contains("### Overloaded weeks", readme);
        foreach (var story in fixture.Result.Summary!.Stories)
        {
            Assert.Contains(story.Client.Id, readme);
        }
        Assert.NotEmpty(fixture.Result.Summary.OverloadedWeeks);
    }
}
