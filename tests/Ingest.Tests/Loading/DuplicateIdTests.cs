using System.Globalization;
using System.Text;

namespace SupportLens.Ingest.Tests.Loading;

/// <summary>
/// An id listed twice in one file is the same rule as across files: the newest updated_at wins (ties and files
/// without updated_at: the last row), and the older versions are not errors.
/// </summary>
public sealed class DuplicateIdTests
{
    private const string Header = "ticket_id,client_id,created_at,channel,status,solved_at,updated_at\n";

    // T1: the later row is newer. T2: the earlier row is newer (an export sorted by something else). T3: a tie.
    private const string Rows =
        "T1,C1,2024-03-01T09:00:00Z,email,new,,2024-03-01T09:00:00Z\n" +
        "T2,C1,2024-03-01T09:00:00Z,email,solved,2024-03-02T09:00:00Z,2024-03-02T09:00:00Z\n" +
        "T3,C1,2024-03-01T09:00:00Z,email,open,,2024-03-01T10:00:00Z\n" +
        "T1,C1,2024-03-01T09:00:00Z,email,solved,2024-03-01T11:00:00Z,2024-03-01T11:00:00Z\n" +
        "T2,C1,2024-03-01T09:00:00Z,email,open,,2024-03-01T10:00:00Z\n" +
        "T3,C1,2024-03-01T09:00:00Z,email,pending,,2024-03-01T10:00:00Z\n";

    private static string Statuses(IngestFixture f) =>
        (string)f.Scalar("SELECT string_agg(ticket_id || '=' || status, ' ' ORDER BY ticket_id) FROM tickets")!;

    [Fact]
    public void On_a_first_load_the_newest_updated_at_wins_within_the_file()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", Header + Rows));
        Assert.Equal(("loaded", 6L, 0L, 3L), (report.Status, report.RowsRead, report.RowsRejected, report.RowsInserted));
        Assert.Empty(report.Errors);
        Assert.Equal("T1=solved T2=solved T3=pending", Statuses(f));
        Assert.Equal(1L, f.Count("SELECT count(*) FROM ingest_batches WHERE kind = 'tickets'"));
    }

    [Fact]
    public void On_a_later_load_the_newest_updated_at_wins_within_the_file_and_against_the_stored_row()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        f.Ingest(IngestKind.Tickets, f.Write("first.csv", Header + "T9,C1,2024-03-01T09:00:00Z,email,open,,2024-03-01T09:00:00Z\nT2,C1,2024-03-01T09:00:00Z,email,new,,2024-03-01T09:30:00Z\n"));
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", Header + Rows));
        Assert.Equal(("loaded", 0L, 2L, 1L), (report.Status, report.RowsRejected, report.RowsInserted, report.RowsUpdated));
        Assert.Equal("T1=solved T2=solved T3=pending T9=open", Statuses(f));
    }

    [Fact]
    public void Without_updated_at_the_last_row_of_an_id_wins()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = "ticket_id,client_id,created_at,channel,status,solved_at\n" +
                  "T1,C1,2024-03-01T09:00:00Z,email,new,\n" +
                  "T1,C1,2024-03-01T09:00:00Z,email,solved,2024-03-01T11:00:00Z\n" +
                  "T2,C1,2024-03-01T09:00:00Z,email,solved,2024-03-01T11:00:00Z\n" +
                  "T2,C1,2024-03-01T09:00:00Z,email,open,\n";
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv));
        Assert.Equal((0L, 2L), (report.RowsRejected, report.RowsInserted));
        Assert.Equal("T1=solved T2=open", Statuses(f));
        // Staged (not a first load) the same way.
        using var g = new IngestFixture();
        g.LoadClients();
        g.Ingest(IngestKind.Tickets, g.Write("first.csv", "ticket_id,client_id,created_at,channel,status\nT9,C1,2024-03-01T09:00:00Z,email,open\n"));
        g.Ingest(IngestKind.Tickets, g.Write("t.csv", csv));
        Assert.Equal("T1=solved T2=open T9=open", Statuses(g));
    }

    [Fact]
    public void A_duplicate_deep_in_a_large_first_load_keeps_the_newest_version()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},C1,2024-03-01T09:00:00Z,email,open,,2024-03-01T09:00:00Z\n");
        }
        csv.Append("T42,C2,2024-03-01T09:00:00Z,chat,solved,2024-03-03T09:00:00Z,2024-03-03T09:00:00Z\n");
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv.ToString()));
        Assert.Equal(("loaded", 5001L, 0L, 5000L), (report.Status, report.RowsRead, report.RowsRejected, report.RowsInserted));
        Assert.Equal("C2|chat|solved", f.Scalar("SELECT concat_ws('|', client_id, channel, status) FROM tickets WHERE ticket_id = 'T42'"));
        Assert.Equal(1L, f.Count("SELECT count(*) FROM ingest_batches WHERE kind = 'tickets'"));
    }

    [Fact]
    public void An_incident_event_log_that_lists_a_ticket_as_new_then_solved_stores_it_solved()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        // Shaped like a ServiceNow incident event log: one row per change of a ticket, oldest first.
        var log = "number,incident_state,opened_at,sys_updated_at,resolved_at,contact_type,company\n" +
                  "INC0000045,New,29/2/2016 01:16,29/2/2016 01:23,,Phone,C1\n" +
                  "INC0000045,Active,29/2/2016 01:16,29/2/2016 08:53,,Phone,C1\n" +
                  "INC0000045,Resolved,29/2/2016 01:16,29/2/2016 11:29,29/2/2016 11:29,Phone,C1\n" +
                  "INC0000047,New,29/2/2016 04:40,29/2/2016 04:57,,Email,C2\n" +
                  "INC0000047,Active,29/2/2016 04:40,1/3/2016 09:52,,Email,C2\n";
        var mapping = f.Write("events.mapping.json", """
            {
              "kind": "tickets",
              "source": "servicenow",
              "fields": {
                "ticket_id": "number",
                "client_id": "company",
                "created_at": { "column": "opened_at", "format": "d/M/yyyy HH:mm" },
                "updated_at": { "column": "sys_updated_at", "format": "d/M/yyyy HH:mm" },
                "solved_at": { "column": "resolved_at", "format": "d/M/yyyy HH:mm" },
                "status": { "column": "incident_state", "values": { "Active": "open", "Resolved": "solved", "Awaiting User Info": "pending" } },
                "channel": { "column": "contact_type", "values": { "Self service": "web" } }
              }
            }
            """);
        var report = f.Ingest(IngestKind.Tickets, f.Write("incident_event_log.csv", log), mapping);
        Assert.Equal(("loaded", 5L, 0L, 2L), (report.Status, report.RowsRead, report.RowsRejected, report.RowsInserted));
        Assert.Equal("INC0000045=solved INC0000047=open", Statuses(f));
        Assert.Equal(new DateTimeOffset(2016, 2, 29, 11, 29, 0, TimeSpan.Zero), f.Scalar("SELECT solved_at FROM tickets WHERE ticket_id = 'INC0000045'"));
    }

    [Fact]
    public void Records_that_share_a_line_in_minified_json_are_kept_apart()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        // An API page on one line: I1 twice (the second is newer), I2 naming an unknown client, I3 fine.
        var page = "{\"incidents\":[" +
                   "{\"incident_id\":\"I1\",\"severity\":2,\"title\":\"Down\",\"started_at\":\"2024-03-01T00:00:00Z\",\"affected_clients\":[\"C1\"],\"updated_at\":\"2024-03-01T01:00:00Z\"}," +
                   "{\"incident_id\":\"I2\",\"severity\":3,\"title\":\"Slow\",\"started_at\":\"2024-03-01T00:00:00Z\",\"affected_clients\":[\"NOPE\"]}," +
                   "{\"incident_id\":\"I1\",\"severity\":1,\"title\":\"Down hard\",\"started_at\":\"2024-03-01T00:00:00Z\",\"affected_clients\":[\"C1\",\"C2\"],\"updated_at\":\"2024-03-01T02:00:00Z\"}," +
                   "{\"incident_id\":\"I3\",\"severity\":4,\"title\":\"Blip\",\"started_at\":\"2024-03-01T00:00:00Z\",\"affected_clients\":[\"C2\"]}]}";
        var report = f.Ingest(IngestKind.Incidents, f.Write("page.json", page));
        Assert.Equal((4L, 3L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal("NOPE", Assert.Single(report.Errors).Value);
        Assert.Equal("I1=1 I3=4", f.Scalar("SELECT string_agg(incident_id || '=' || severity, ' ' ORDER BY incident_id) FROM incidents"));
        Assert.Equal("I1:C1 I1:C2 I3:C2", f.Scalar("SELECT string_agg(incident_id || ':' || client_id, ' ' ORDER BY incident_id, client_id) FROM incident_clients"));
    }
}
