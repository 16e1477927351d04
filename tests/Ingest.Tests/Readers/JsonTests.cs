namespace SupportLens.Ingest.Tests.Readers;

public sealed class JsonTests
{
    [Fact]
    public void A_json_array_loads_and_errors_name_the_line_the_record_starts_on()
    {
        using var f = new IngestFixture();
        var json = """
            [
              {"client_id": "C1", "name": "Acme", "tier": "enterprise", "mrr": 10.5},
              {"client_id": "C2",
               "name": "Globex",
               "tier": "gold"},
              {"client_id": "C3", "name": "Initech", "tier": "starter", "churned_on": null}
            ]
            """;
        var report = f.Ingest(IngestKind.Clients, f.Write("c.json", json));
        Assert.Equal((3L, 2L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3L, "tier", "gold"), (error.Line, error.Column, error.Value));
    }

    [Fact]
    public void Ndjson_and_gzip_of_it_load()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var ndjson = "{\"incident_id\":\"I1\",\"severity\":2,\"title\":\"Down\",\"started_at\":\"2024-03-01T00:00:00Z\",\"affected_clients\":[\"C1\",\"C2\"]}\n" +
                     "not json\n" +
                     "{\"incident_id\":\"I2\",\"severity\":4,\"title\":\"Blip\",\"started_at\":\"2024-03-01T00:00:00+02:00\",\"affected_clients\":\"*\"}\n";
        var plain = f.Ingest(IngestKind.Incidents, f.Write("i.ndjson", ndjson.Replace("not json\n", "")));
        Assert.Equal(2, plain.RowsLoaded);
        Assert.Equal(2L, f.Count("SELECT count(*) FROM incident_clients WHERE incident_id = 'I1'"));
        var gz = f.Ingest(IngestKind.Incidents, f.WriteGzip("i.ndjson.gz", ndjson.Replace("not json\n", "")));
        Assert.Equal((2L, 0L, 0L), (gz.RowsLoaded, gz.RowsInserted, gz.RowsUpdated));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 22, 0, 0, TimeSpan.Zero), f.Scalar("SELECT started_at FROM incidents WHERE incident_id = 'I2'"));
    }

    [Fact]
    public void Bare_values_and_truncated_json_are_reported()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.Write("c.json", "[\n{\"client_id\":\"C1\",\"name\":\"A\",\"tier\":\"starter\"},\n42,\n{\"client_id\":\"C2\",\"name\":\"B\""));
        Assert.Equal(1, report.RowsLoaded);
        Assert.Equal([3L, 4L], report.Errors.Select(e => e.Line));
        Assert.Contains("truncated", report.Errors[1].Reason);
    }

    [Fact]
    public void A_wrapper_object_named_after_the_kind_is_unwrapped()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.Write("c.json", "{\"clients\": [\n {\"client_id\":\"C1\",\"name\":\"A\",\"tier\":\"starter\"},\n {\"client_id\":\"C2\",\"name\":\"B\",\"tier\":\"x\"}\n], \"meta\": {\"count\": 2}}"));
        Assert.Equal(1, report.RowsLoaded);
        Assert.Equal(3, Assert.Single(report.Errors).Line);
    }
}

/// <summary>API pages under names no profile knows: OData's <c>value</c>, <c>items</c>, <c>results</c> of other tools.</summary>
public sealed class JsonWrapperTests
{
    [Fact]
    public void An_object_whose_one_list_of_objects_holds_the_records_is_unwrapped_and_a_record_with_a_list_is_not()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var odata = """
            {"@odata.context": "https://crm.example.com/api/data/v9.2/$metadata#tickets",
             "@odata.count": 2,
             "value": [
               {"ticket_id": "O1", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "email", "status": "open"},
               {"ticket_id": "O2", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "fax", "status": "open"}
             ]}
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("odata.json", odata));
        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal((5L, "channel"), (Assert.Single(report.Errors).Line, report.Errors[0].Column));

        var record = """
            {"ticket_id": "R1", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "chat", "status": "open",
             "comments": [{"author": "ann", "body": "hi"}, {"author": "bob", "body": "hello"}]}
            """;
        var single = f.Ingest(IngestKind.Tickets, f.Write("record.json", record));
        Assert.Equal((1L, 1L), (single.RowsRead, single.RowsLoaded));
        Assert.Equal("chat", f.Scalar("SELECT channel FROM tickets WHERE ticket_id = 'R1'"));
    }
}
