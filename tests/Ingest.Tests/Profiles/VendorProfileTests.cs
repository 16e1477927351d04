namespace SupportLens.Ingest.Tests.Profiles;

/// <summary>The vendor profiles on the real files of ../shared/data (see its README for provenance).</summary>
public sealed class VendorProfileTests
{
    [Fact]
    public void Zendesk_api_tickets_load_from_the_real_file()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, SharedData.Path("zendesk", "zendesk_tickets.json"), "zendesk");
        Assert.Equal((1L, 1L, 0L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal("zendesk|35436|509974|web|high|open|incident|235323",
            f.Scalar("SELECT concat_ws('|', source, ticket_id, client_id, channel, priority, status, category, agent_id) FROM tickets"));
        Assert.Equal(new DateTimeOffset(2011, 5, 5, 10, 38, 52, TimeSpan.Zero), f.Scalar("SELECT updated_at FROM tickets"));
    }

    [Fact]
    public void Zendesk_ticket_metrics_join_their_tickets_in_one_file_and_are_quarantined_alone()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var alone = f.Ingest(IngestKind.Tickets, SharedData.Path("zendesk", "zendesk_ticket_metrics.json"), "zendesk");
        Assert.Equal((1L, 0L, 1L), (alone.RowsRead, alone.RowsLoaded, alone.RowsRejected));
        Assert.Contains("no ticket in this file", alone.Errors[0].Reason);

        // The real metric, pointed at the real ticket, side-loaded as the API does with ?include=metric_sets.
        var tickets = File.ReadAllText(SharedData.Path("zendesk", "zendesk_tickets.json"));
        var metric = File.ReadAllText(SharedData.Path("zendesk", "zendesk_ticket_metrics.json"))
            .Replace("\"ticket_id\": 145", "\"ticket_id\": 35436")
            .Replace("\"replies\": 0", "\"replies\": 3")
            .Replace("\"calendar\": null,\n            \"business\": null\n        },\n        \"first_resolution", "\"calendar\": 90,\n            \"business\": 60\n        },\n        \"first_resolution");
        var combined = f.Write("page.ndjson", tickets + "\n" + metric);
        var report = f.Ingest(IngestKind.Tickets, combined, "zendesk");
        Assert.Equal((1L, 0L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal(3L, f.Count("SELECT agent_replies FROM tickets"));
        Assert.Equal(new DateTimeOffset(2009, 7, 21, 0, 25, 29, TimeSpan.Zero), f.Scalar("SELECT first_response_at FROM tickets"));
    }

    [Fact]
    public void Zendesk_satisfaction_ratings_become_csat_with_the_client_of_their_ticket()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        f.Ingest(IngestKind.Tickets, SharedData.Path("zendesk", "zendesk_tickets.json"), "zendesk");
        var report = f.Ingest(IngestKind.Csat, SharedData.Path("zendesk", "zendesk_satisfaction_ratings.json"), "zendesk");
        Assert.Equal((1L, 0L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal("35436|509974|true|Great support!", f.Scalar("SELECT concat_ws('|', ticket_id, client_id, good, comment) FROM csat_responses"));
    }

    [Fact]
    public void Zendesk_ticket_csv_export_loads_with_the_documented_header()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var header = "Summation column,Id,Requester,Requester id,Requester external id,Requester email,Requester domain,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Assigned at,Organization,Due date,Initially assigned at,Solved at,Resolution time,Satisfaction Score,Group stations,Assignee stations,Reopens,Replies,First reply time in minutes,First reply time in minutes within business hours,First resolution time in minutes,First resolution time in minutes within business hours,Full resolution time in minutes,Full resolution time in minutes within business hours,Agent wait time in minutes,Agent wait time in minutes within business hours,Requester wait time in minutes,Requester wait time in minutes within business hours,On hold time in minutes,On hold time in minutes within business hours,Plan [list]";
        var row1 = "1,101,Ann,5,,ann@acme.com,acme.com,Ann,Bob,Support,\"Printer, on fire\",urgent,Solved,Urgent,Phone call (incoming),Incident,2024-03-01 09:00:00,2024-03-01 12:00:00,2024-03-01 09:05:00,C1,,2024-03-01 09:05:00,2024-03-01 11:00:00,2,Good,1,1,0,2,15,15,120,120,120,120,100,100,20,20,0,0,Gold";
        var row2 = "1,102,Cy,6,,cy@globex.com,globex.com,Cy,,Support,Question,,Hold,-,Web form,Question,2024-03-02 09:00:00,2024-03-02 09:30:00,,C2,,,,,Offered,0,0,0,0,,,,,,,,,,,,,";
        var report = f.Ingest(IngestKind.Tickets, f.Write("zendesk.csv", $"{header}\n{row1}\n{row2}\n"), "zendesk", timezone: "America/New_York");
        Assert.Equal((2L, 0L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal("101|C1|phone|urgent|solved|Bob|2", f.Scalar("SELECT concat_ws('|', ticket_id, client_id, channel, priority, status, agent_id, agent_replies) FROM tickets WHERE ticket_id = '101'"));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 14, 15, 0, TimeSpan.Zero), f.Scalar("SELECT first_response_at FROM tickets WHERE ticket_id = '101'"));
        Assert.Equal("web|normal|on_hold", f.Scalar("SELECT concat_ws('|', channel, priority, status) FROM tickets WHERE ticket_id = '102'"));
    }

    [Fact]
    public void Freshdesk_api_tickets_load_from_the_real_file()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, SharedData.Path("freshdesk", "freshdesk_tickets_REDACTED.json"), "freshdesk");
        Assert.Equal((1L, 0L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal("freshdesk|21|67001265522|email|low|closed|67013469919|false",
            f.Scalar("SELECT concat_ws('|', source, ticket_id, client_id, channel, priority, status, agent_id, escalated) FROM tickets"));
        Assert.Equal(new DateTimeOffset(2022, 11, 16, 15, 59, 28, TimeSpan.Zero), f.Scalar("SELECT closed_at FROM tickets"));
    }

    [Fact]
    public void Freshdesk_csv_export_and_satisfaction_ratings_load()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,Last update time,Initial response time,Agent interactions,Customer interactions,Company Name,Full name\n" +
                  "7,Login,Resolved,Medium,Portal,Question,Dee,Tier 1,2024-03-01 09:00:00,2024-03-02 09:00:00,2024-03-01 10:00:00,,2024-03-01 10:00:00,2024-03-01 09:10:00,2,1,C1,Ann\n";
        var tickets = f.Ingest(IngestKind.Tickets, f.Write("freshdesk.csv", csv), "freshdesk");
        Assert.Equal((1L, 0L), (tickets.RowsLoaded, tickets.RowsRejected));
        Assert.Equal("web|normal|solved", f.Scalar("SELECT concat_ws('|', channel, priority, status) FROM tickets"));
        var ratings = "[{\"id\": 9, \"survey_id\": 1, \"ticket_id\": 7, \"feedback\": \"ok\", \"ratings\": {\"default_question\": 103}, \"created_at\": \"2024-03-02T00:00:00Z\", \"updated_at\": \"2024-03-02T00:00:00Z\"}]";
        var csat = f.Ingest(IngestKind.Csat, f.Write("ratings.json", ratings), "freshdesk");
        Assert.Equal((1L, 0L), (csat.RowsLoaded, csat.RowsRejected));
        Assert.Equal("C1|5|true", f.Scalar("SELECT concat_ws('|', client_id, score, good) FROM csat_responses"));
    }

    [Fact]
    public void Statuspage_incidents_load_from_the_real_github_files()
    {
        using var f = new IngestFixture();
        var files = Directory.GetFiles(SharedData.Path("statuspage-incidents", "incidents"), "*.json").Order(StringComparer.Ordinal).Take(40).ToList();
        var reports = files.Select(path => f.Ingest(IngestKind.Incidents, path, "statuspage")).ToList();
        Assert.All(reports, r => Assert.Equal("loaded", r.Status));
        var loaded = reports.Sum(r => r.RowsLoaded);
        Assert.True(loaded >= 38, $"only {loaded} of {files.Count} incidents loaded: {string.Join("; ", reports.SelectMany(r => r.Errors).Select(e => e.Reason))}");
        Assert.Equal("01sqkcp7z62r|3|Git Operations|true", f.Scalar("SELECT concat_ws('|', incident_id, severity, component, affects_all) FROM incidents WHERE incident_id = '01sqkcp7z62r'"));
        Assert.Equal(new DateTimeOffset(2011, 7, 28, 3, 6, 0, TimeSpan.Zero), f.Scalar("SELECT acknowledged_at FROM incidents WHERE incident_id = '01sqkcp7z62r'"));
        // Ingesting them again changes nothing.
        Assert.All(files.Take(5).Select(path => f.Ingest(IngestKind.Incidents, path, "statuspage")), r => Assert.Equal(0, r.RowsInserted + r.RowsUpdated));
    }

    [Theory]
    // started_at edited to after the first post: 2020-05-23 00:30:30 against a first post at 2020-05-22 16:41:53.189.
    [InlineData("6tcfpztf6j9m", "2020-05-22T16:41:53.189Z")]
    // A retroactive incident: posted and resolved as of 2020-11-10 20:00, started_at set when it was written, 2020-11-16.
    [InlineData("nk9gdvl03ztg", "2020-11-10T20:00:00Z")]
    [InlineData("qb2vmff9bnf5", "2020-03-31T08:00:00Z")]
    [InlineData("qrrdvssfmrs2", "2020-04-08T13:30:00Z")]
    [InlineData("yck8ctxhxtwq", "2019-10-02T16:10:13.693Z")]
    public void A_statuspage_incident_started_after_its_first_post_starts_at_the_post(string id, string firstPost)
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Incidents, SharedData.Path("statuspage-incidents", "incidents", id + ".json"), "statuspage");
        Assert.Equal(("loaded", 1L, 0L), (report.Status, report.RowsLoaded, report.RowsRejected));
        var post = DateTimeOffset.Parse(firstPost, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(post, f.Scalar($"SELECT started_at FROM incidents WHERE incident_id = '{id}'"));
        Assert.Equal(post, f.Scalar($"SELECT acknowledged_at FROM incidents WHERE incident_id = '{id}'"));
    }

    [Fact]
    public void Statuspage_incidents_store_every_affected_component_in_order_from_the_real_files()
    {
        using var f = new IngestFixture();
        // The real incidents that list more than one component, and a few with one or none.
        var files = Directory.GetFiles(SharedData.Path("statuspage-incidents", "incidents"), "*.json").Order(StringComparer.Ordinal).ToList();
        var components = files.ToDictionary(path => path, ListedComponents);
        var chosen = files.Where(p => components[p].Count > 1).Take(25).Concat(files.Where(p => components[p].Count <= 1).Take(5)).ToList();
        Assert.Contains(chosen, p => components[p].Count == 3);
        var reports = chosen.Select(path => f.Ingest(IngestKind.Incidents, path, "statuspage")).ToList();
        Assert.All(reports, r => Assert.Equal(("loaded", 1L), (r.Status, r.RowsLoaded)));

        var expected = chosen.Sum(p => components[p].Count);
        Assert.Equal((long)expected, f.Count("SELECT count(*) FROM incident_components"));
        Assert.Equal("Git Operations|Issues", f.Scalar(
            "SELECT string_agg(component, '|' ORDER BY position) FROM incident_components WHERE source = 'statuspage' AND incident_id = '0hysfmznd26m'"));
        // The incident's own column keeps the first component, so what grouped by it before still does.
        Assert.Equal("Git Operations", f.Scalar("SELECT component FROM incidents WHERE incident_id = '0hysfmznd26m'"));
        Assert.Equal(0L, f.Count("SELECT count(*) FROM incidents AS i WHERE component IS DISTINCT FROM " +
                                 "(SELECT c.component FROM incident_components AS c WHERE c.incident_id = i.incident_id AND c.position = 1)"));
        Assert.Equal(0L, f.Count("SELECT count(*) FROM incident_components WHERE component LIKE '%,%'"));
        // Loading them again changes nothing and leaves the components as they were.
        Assert.All(chosen.Take(5).Select(path => f.Ingest(IngestKind.Incidents, path, "statuspage")), r => Assert.Equal(0, r.RowsInserted + r.RowsUpdated));
        Assert.Equal((long)expected, f.Count("SELECT count(*) FROM incident_components"));
    }

    private static List<string> ListedComponents(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var incident = document.RootElement.TryGetProperty("incident", out var inner) ? inner : document.RootElement;
        return incident.TryGetProperty("components", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
            ? list.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Distinct().ToList()
            : [];
    }

    [Fact]
    public void Generic_incidents_list_several_components_separated_by_semicolons()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Incidents, f.Write("i.csv",
            "incident_id,severity,title,component,started_at\nI1,2,Login and API down,api; login ;api,2024-03-01T00:00:00Z\nI2,3,Slow,web,2024-03-02T00:00:00Z\nI3,4,Blip,,2024-03-03T00:00:00Z\n"));
        Assert.Equal(3L, report.RowsLoaded);
        Assert.Equal("I1:1:api I1:2:login I2:1:web", f.Scalar(
            "SELECT string_agg(incident_id || ':' || position || ':' || component, ' ' ORDER BY incident_id, position) FROM incident_components"));
        Assert.Equal("api", f.Scalar("SELECT component FROM incidents WHERE incident_id = 'I1'"));
        // An update without the component column keeps the stored components.
        f.Ingest(IngestKind.Incidents, f.Write("u.csv", "incident_id,severity,title,started_at,resolved_at\nI1,2,Login and API down,2024-03-01T00:00:00Z,2024-03-01T02:00:00Z\n"));
        Assert.Equal(2L, f.Count("SELECT count(*) FROM incident_components WHERE incident_id = 'I1'"));
    }

    [Fact]
    public void A_profile_that_does_not_read_a_kind_is_a_usage_error()
    {
        using var f = new IngestFixture();
        var e = Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Nps, f.Write("n.csv", "x\n"), "statuspage"));
        Assert.Contains("reads: incidents", e.Message);
    }
}
