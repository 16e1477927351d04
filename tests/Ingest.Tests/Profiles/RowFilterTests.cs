namespace SupportLens.Ingest.Tests.Profiles;

/// <summary>Mapping file filters keep only the rows a kind is about; the others are counted, not quarantined.</summary>
public sealed class RowFilterTests
{
    // A chat platform's conversation export: inbound and outbound (proactive) conversations, rated or not.
    private const string Conversations =
        "Conversation ID,Started,Direction,Channel,State,Company,Rating,Rated at\n" +
        "c-1,2024-05-01T09:00:00Z,Inbound,Chat,closed,C1,5,2024-05-01T10:00:00Z\n" +
        "c-2,2024-05-01T09:05:00Z,Outbound,Chat,closed,C1,,\n" +
        "c-3,2024-05-01T09:10:00Z,inbound ,Email,open,C2,,\n" +
        "c-4,2024-05-01T09:20:00Z,Inbound,Chat,closed,C2,2,2024-05-01T11:00:00Z\n" +
        "c-5,2024-05-01T09:30:00Z,Inbound,Chat,closed,NOPE,4,2024-05-01T12:00:00Z\n" +
        "c-6,2024-05-01T09:40:00Z,Outbound,Email,closed,C1,1,2024-05-01T12:00:00Z\n";

    [Fact]
    public void Only_inbound_conversations_load_as_tickets_and_the_rest_are_counted_as_filtered()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var mapping = f.Write("conversations.mapping.json", """
            {
              "kind": "tickets",
              "source": "chat",
              "filters": [ { "column": "Direction", "equals": "inbound" } ],
              "fields": {
                "ticket_id": "Conversation ID", "client_id": "Company", "created_at": "Started",
                "channel": "Channel", "status": { "column": "State", "values": { "closed": "solved" } },
                "updated_at": "Rated at"
              }
            }
            """);
        var report = f.Ingest(IngestKind.Tickets, f.Write("conversations.csv", Conversations), mapping);
        Assert.Equal(("loaded", 6L, 3L, 1L, 2L), (report.Status, report.RowsRead, report.RowsLoaded, report.RowsRejected, report.RowsFiltered));
        Assert.Equal(report.RowsRead, report.RowsLoaded + report.RowsRejected + report.RowsFiltered);
        Assert.Equal(6L, Assert.Single(report.Errors).Line);
        Assert.Equal("c-1 c-3 c-4", f.Scalar("SELECT string_agg(ticket_id, ' ' ORDER BY ticket_id) FROM tickets"));
        Assert.Equal(2L, f.Count($"SELECT rows_filtered FROM ingest_batches WHERE batch_id = {report.BatchId}"));
        Assert.Equal(1L, f.Count($"SELECT count(*) FROM quarantine WHERE batch_id = {report.BatchId}"));
        Assert.Equal(2L, f.Ingestor.Batches().Single(b => b.BatchId == report.BatchId).RowsFiltered);
    }

    [Fact]
    public void Several_filters_must_all_hold_and_a_regex_keeps_only_rated_rows()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var mapping = f.Write("ratings.mapping.json", """
            {
              "kind": "csat",
              "source": "chat",
              "filters": [
                { "column": "Rating", "matches": "^[1-5]$" },
                { "column": "Direction", "equals": ["Inbound", "Callback"] }
              ],
              "fields": { "response_id": "Conversation ID", "client_id": "Company", "responded_at": "Rated at", "score": "Rating" }
            }
            """);
        var report = f.Ingest(IngestKind.Csat, f.Write("conversations.csv", Conversations), mapping);
        // c-2 and c-3 are unrated, c-6 is outbound: filtered; c-5 names an unknown client: quarantined.
        Assert.Equal((6L, 2L, 1L, 3L), (report.RowsRead, report.RowsLoaded, report.RowsRejected, report.RowsFiltered));
        Assert.Equal("c-1=5 c-4=2", f.Scalar("SELECT string_agg(response_id || '=' || score, ' ' ORDER BY response_id) FROM csat_responses"));
    }

    [Fact]
    public void A_filter_on_a_column_the_file_lacks_refuses_the_file_and_a_misspelt_filter_key_is_named()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var mapping = f.Write("m.json", """{"kind": "tickets", "filters": [{"column": "Queue", "equals": "support"}], "fields": {"ticket_id": "Conversation ID", "client_id": "Company", "created_at": "Started", "channel": "Channel", "status": "State"}}""");
        var report = f.Ingest(IngestKind.Tickets, f.Write("c.csv", Conversations), mapping);
        Assert.Equal("rejected", report.Status);
        Assert.StartsWith("the filter column 'Queue' is not in the header; found: Conversation ID, Started, Direction", report.Message);

        var typo = f.Write("t.json", """{"kind": "tickets", "filters": [{"colum": "Queue", "equals": "support"}], "fields": {"ticket_id": "a"}}""");
        var e = Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, f.Write("x.csv", "a\n1\n"), typo));
        Assert.Contains("unknown key 'filters[0].colum': did you mean 'column'?", e.Message);
        var neither = f.Write("n.json", """{"kind": "tickets", "filters": [{"column": "Queue"}], "fields": {"ticket_id": "a"}}""");
        Assert.Contains("'filters[0]' needs either \"equals\"", Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, f.Write("y.csv", "a\n1\n"), neither)).Message);
    }

    [Fact]
    public void Filters_apply_to_json_records_by_their_field_path()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var mapping = f.Write("m.json", """{"kind": "tickets", "filters": [{"column": "via.direction", "equals": "inbound"}], "fields": {"ticket_id": "id", "client_id": "org", "created_at": "created", "channel": "via.channel", "status": "status"}}""");
        var json = """
            [{"id": "J1", "org": "C1", "created": "2024-05-01T09:00:00Z", "via": {"channel": "email", "direction": "inbound"}, "status": "open"},
             {"id": "J2", "org": "C1", "created": "2024-05-01T09:00:00Z", "via": {"channel": "email", "direction": "outbound"}, "status": "open"}]
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.json", json), mapping);
        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsFiltered));
    }
}
