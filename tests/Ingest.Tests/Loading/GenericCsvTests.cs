using System.Text;

namespace SupportLens.Ingest.Tests.Loading;

public sealed class GenericCsvTests
{
    private const string Tickets =
        "ticket_id,client_id,created_at,channel,priority,status,first_response_at,solved_at,updated_at,agent_replies,reopens,escalated\n" +
        "T1,C1,2024-03-01T09:00:00Z,email,high,solved,2024-03-01T09:30:00Z,2024-03-01T12:00:00Z,2024-03-01T12:00:00Z,1,0,false\n" +
        "T2,C2,2024-03-01 10:00:00,chat,,open,,,2024-03-01T10:00:00Z,,,\n";

    [Fact]
    public void Every_kind_loads_from_a_generic_csv()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        Assert.Equal(2, f.Ingest(IngestKind.Tickets, f.Write("t.csv", Tickets)).RowsLoaded);
        Assert.Equal(1, f.Ingest(IngestKind.TicketEvents, f.Write("e.csv", "ticket_id,occurred_at,event,value\nT1,2024-03-01T09:30:00Z,status,pending\n")).RowsLoaded);
        Assert.Equal(2, f.Ingest(IngestKind.Csat, f.Write("c.csv", "response_id,ticket_id,client_id,responded_at,score,comment\nR1,T1,C1,2024-03-02T00:00:00Z,5,great\nR2,T2,,2024-03-02T00:00:00Z,bad,\n")).RowsLoaded);
        Assert.Equal(1, f.Ingest(IngestKind.Nps, f.Write("n.csv", "response_id,client_id,respondent,responded_at,score\nN1,C1,ann,2024-03-05T00:00:00Z,9\n")).RowsLoaded);
        Assert.Equal(2, f.Ingest(IngestKind.Incidents, f.Write("i.csv", "incident_id,severity,title,started_at,resolved_at,affected_clients\nI1,1,Outage,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,*\nI2,3,Slow,2024-03-02T00:00:00Z,,C1;C2\n")).RowsLoaded);
        Assert.Equal(2, f.Ingest(IngestKind.Checks, f.Write("k.csv", "component,checked_at,ok,latency_ms,client_id\napi,2024-03-01T00:00:00Z,true,120.5,\napi,2024-03-01T00:01:00Z,false,,C1\n")).RowsLoaded);

        Assert.Equal("normal", f.Scalar("SELECT priority FROM tickets WHERE ticket_id = 'T2'"));
        Assert.Equal(2L, f.Count("SELECT count(*) FROM incident_clients WHERE incident_id = 'I2'"));
        Assert.Equal(true, f.Scalar("SELECT affects_all FROM incidents WHERE incident_id = 'I1'"));
        // The survey without a client took its ticket's.
        Assert.Equal("C2", f.Scalar("SELECT client_id FROM csat_responses WHERE response_id = 'R2'"));
        Assert.Equal(false, f.Scalar("SELECT good FROM csat_responses WHERE response_id = 'R2'"));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), f.Scalar("SELECT created_at FROM tickets WHERE ticket_id = 'T2'"));
    }

    [Fact]
    public void Naive_timestamps_are_read_in_the_given_time_zone()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = "ticket_id,client_id,created_at,channel,status\nT2,C2,2024-03-01 10:00:00,chat,open\n";
        Assert.Equal(1, f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv), timezone: "America/New_York").RowsLoaded);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 15, 0, 0, TimeSpan.Zero), f.Scalar("SELECT created_at FROM tickets WHERE ticket_id = 'T2'"));
    }

    [Fact]
    public void A_first_load_that_meets_a_duplicate_key_is_staged_instead_and_stays_one_batch()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        // A first load of a source goes straight into tickets; the duplicate comes after the first appender chunk.
        var csv = new StringBuilder("ticket_id,client_id,created_at,channel,status\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"T{i},C1,2024-03-01T09:00:00Z,email,open\n");
        }
        csv.Append("T42,Globex,2024-03-01T09:00:00Z,chat,open\n");
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv.ToString()));
        // Without updated_at the last row of an id wins; the older version is not an error.
        Assert.Equal(("loaded", 5001L, 5001L, 0L, 5000L), (report.Status, report.RowsRead, report.RowsLoaded, report.RowsRejected, report.RowsInserted));
        Assert.Empty(report.Errors);
        Assert.Equal(1L, f.Count("SELECT count(*) FROM ingest_batches WHERE kind = 'tickets'"));
        Assert.Equal(4999L, f.Count($"SELECT count(*) FROM tickets WHERE client_id = 'C1' AND channel = 'email' AND batch_id = {report.BatchId}"));
        Assert.Equal("C2|chat", f.Scalar("SELECT client_id || '|' || channel FROM tickets WHERE ticket_id = 'T42'"));
    }

    [Fact]
    public void An_organisation_name_in_client_id_becomes_that_clients_id_on_a_first_load()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv",
            "ticket_id,client_id,created_at,channel,status\nT1,Globex,2024-03-01T09:00:00Z,email,open\nT2,Nobody,2024-03-01T09:00:00Z,email,open\n"));
        Assert.Equal((1L, 1L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal(("client_id", "Nobody", 3L), (report.Errors[0].Column, report.Errors[0].Value, report.Errors[0].Line));
        Assert.Equal(1L, f.Count("SELECT count(*) FROM tickets WHERE ticket_id = 'T1' AND client_id = 'C2'"));
    }

    [Fact]
    public void Bad_rows_go_to_quarantine_with_line_column_value_and_reason_and_the_rest_loads()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv =
            "ticket_id,client_id,created_at,channel,status,solved_at,first_response_at\n" +      // 1
            "T1,C1,2024-03-01T09:00:00Z,email,open,,\n" +                                         // 2
            "T2,C1,yesterday,email,open,,\n" +                                                    // 3 type
            "T3,C1,2024-03-01T09:00:00Z,pigeon,open,,\n" +                                        // 4 enum
            "T4,C1,2024-03-01T09:00:00Z,email,solved,2024-03-01T08:00:00Z,\n" +                   // 5 solved before created
            "T5,C1,2024-03-01T09:00:00Z,email,open,,2024-02-01T00:00:00Z\n" +                     // 6 response before creation
            "T6,NOPE,2024-03-01T09:00:00Z,email,open,,\n" +                                       // 7 unknown client
            "T1,C1,2024-03-01T09:00:00Z,email,open,,\n" +                                         // 8 the same id again: fine
            ",C1,2024-03-01T09:00:00Z,email,open,,\n" +                                           // 9 required
            "\"T7\nstill T7\",C1,2024-03-01T09:00:00Z,email,open,,\n" +                           // 10-11 embedded newline, fine
            "T8,C1,2024-03-01T09:00:00Z,email,open,,\n";                                          // 12
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv));
        Assert.Equal("loaded", report.Status);
        Assert.Equal(10, report.RowsRead);
        Assert.Equal(4, report.RowsLoaded);
        Assert.Equal(6, report.RowsRejected);
        var byLine = report.Errors.ToDictionary(e => e.Line);
        Assert.Equal(("created_at", "yesterday"), (byLine[3].Column, byLine[3].Value));
        Assert.Contains("ISO-8601", byLine[3].Reason);
        Assert.Equal(("channel", "pigeon"), (byLine[4].Column, byLine[4].Value));
        Assert.Contains("solved_at is before created_at", byLine[5].Reason);
        Assert.Contains("first_response_at is before created_at", byLine[6].Reason);
        Assert.Equal(("client_id", "NOPE"), (byLine[7].Column, byLine[7].Value));
        Assert.Contains("unknown client_id", byLine[7].Reason);
        Assert.False(byLine.ContainsKey(8));
        Assert.Equal("ticket_id is required", byLine[9].Reason);
        Assert.Equal(6L, f.Count($"SELECT count(*) FROM quarantine WHERE batch_id = {report.BatchId}"));
        Assert.Equal(1L, f.Count("SELECT count(*) FROM tickets WHERE ticket_id = 'T7\nstill T7'"));
        Assert.Equal(12L, f.Count("SELECT count(*) FROM tickets WHERE ticket_id = 'T8'") + 11);
    }

    [Fact]
    public void A_header_without_a_required_field_rejects_the_file_with_one_message()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", "id,client,created_at,channel\nT1,C1,2024-03-01T09:00:00Z,email\n"));
        Assert.Equal("rejected", report.Status);
        Assert.Equal("the header lacks required field(s) for tickets: ticket_id, client_id, status; found: id, client, created_at, channel", report.Message);
        Assert.Single(report.Errors);
        Assert.Equal(0L, f.Count("SELECT count(*) FROM tickets"));
        Assert.Equal("rejected", f.Scalar($"SELECT status FROM ingest_batches WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void Strict_fails_the_file_on_any_bad_row_and_loads_nothing()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = "ticket_id,client_id,created_at,channel,status\nT1,C1,2024-03-01T09:00:00Z,email,open\nT2,C1,2024-03-01T09:00:00Z,email,lost\n";
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv), strict: true);
        Assert.Equal("rejected", report.Status);
        Assert.Equal(1, report.RowsRejected);
        Assert.Equal(3, Assert.Single(report.Errors).Line);
        Assert.Equal(0L, f.Count("SELECT count(*) FROM tickets"));
        Assert.Equal(1L, f.Count($"SELECT count(*) FROM quarantine WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void Reingesting_the_same_file_changes_nothing_and_an_updated_export_updates_without_duplicates()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var path = f.Write("t.csv", Tickets);
        var first = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal((2L, 0L), (first.RowsInserted, first.RowsUpdated));
        var snapshot = f.Scalar("SELECT string_agg(t::VARCHAR, '|' ORDER BY ticket_id) FROM tickets AS t");
        var again = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal((2L, 0L, 0L), (again.RowsLoaded, again.RowsInserted, again.RowsUpdated));
        Assert.Equal(snapshot, f.Scalar("SELECT string_agg(t::VARCHAR, '|' ORDER BY ticket_id) FROM tickets AS t"));

        // T2 is newer (solved), T1 is older than what is stored (must not win), T3 is new.
        var updated = f.Write("t2.csv",
            "ticket_id,client_id,created_at,channel,status,solved_at,updated_at\n" +
            "T1,C1,2024-03-01T09:00:00Z,email,open,,2024-02-01T00:00:00Z\n" +
            "T2,C2,2024-03-01T10:00:00Z,chat,solved,2024-03-02T10:00:00Z,2024-03-02T10:00:00Z\n" +
            "T3,C2,2024-03-03T10:00:00Z,web,new,,2024-03-03T10:00:00Z\n");
        var update = f.Ingest(IngestKind.Tickets, updated);
        Assert.Equal((1L, 1L), (update.RowsInserted, update.RowsUpdated));
        Assert.Equal(3L, f.Count("SELECT count(*) FROM tickets"));
        Assert.Equal("solved", f.Scalar("SELECT status FROM tickets WHERE ticket_id = 'T2'"));
        Assert.Equal("solved", f.Scalar("SELECT status FROM tickets WHERE ticket_id = 'T1'"));
        // A column the update does not have keeps its stored value.
        Assert.Equal(1L, f.Count("SELECT agent_replies FROM tickets WHERE ticket_id = 'T1'"));
        Assert.Equal(4L, f.Count("SELECT count(*) FROM ingest_batches WHERE kind = 'tickets'") + 1);
    }

    [Fact]
    public void Semicolons_a_bom_and_crlf_are_read()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.Write("c.csv", "\uFEFFclient_id;name;tier;mrr\r\nC1;\"Acme; Inc\";enterprise;1200.50\r\n", new UTF8Encoding(true)));
        Assert.Equal(1, report.RowsLoaded);
        Assert.Equal("Acme; Inc", f.Scalar("SELECT name FROM clients"));
        Assert.Equal(1200.50m, f.Scalar("SELECT mrr FROM clients"));
    }

    [Fact]
    public void A_latin1_file_is_read_as_latin1()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.Write("c.csv", "client_id,name,tier\nC1,Café Müller,starter\n", Encoding.Latin1));
        Assert.Equal(1, report.RowsLoaded);
        Assert.Equal("Café Müller", f.Scalar("SELECT name FROM clients"));
    }

    [Fact]
    public void An_empty_file_is_rejected_and_a_header_only_file_loads_nothing()
    {
        using var f = new IngestFixture();
        var empty = f.Ingest(IngestKind.Clients, f.Write("empty.csv", ""));
        Assert.Equal("rejected", empty.Status);
        Assert.Contains("empty", empty.Message);
        var header = f.Ingest(IngestKind.Clients, f.Write("header.csv", "client_id,name,tier\n"));
        Assert.Equal(("loaded", 0L, 0L), (header.Status, header.RowsRead, header.RowsLoaded));
    }

    [Fact]
    public void Malformed_csv_records_are_quarantined_with_their_line()
    {
        using var f = new IngestFixture();
        var csv = "client_id,name,tier\nC1,Acme,starter\nC2,\"Glo\"bex,starter\nC3,Initech\nC4,Umbrella,business\nC5,\"never closed,starter\nC6,x,starter\n";
        var report = f.Ingest(IngestKind.Clients, f.Write("c.csv", csv));
        Assert.Equal(2, report.RowsLoaded);
        Assert.Equal([3L, 4L, 6L], report.Errors.Select(e => e.Line));
        Assert.All(report.Errors, e => Assert.StartsWith("malformed CSV", e.Reason));
    }

    [Fact]
    public void A_10_MB_field_loads()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var comment = new string('x', 10 << 20);
        var report = f.Ingest(IngestKind.Nps, f.Write("n.csv", $"response_id,client_id,responded_at,score,comment\nN1,C1,2024-03-01T00:00:00Z,7,\"{comment}\"\nN2,C1,2024-03-01T00:00:00Z,11,\"{comment}\"\n"));
        Assert.Equal((1L, 1L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal((long)comment.Length, f.Count("SELECT length(comment) FROM nps_responses"));
    }

    [Fact]
    public void A_gzipped_csv_loads()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.WriteGzip("c.csv.gz", IngestFixture.Clients));
        Assert.Equal(4, report.RowsLoaded);
    }
}
