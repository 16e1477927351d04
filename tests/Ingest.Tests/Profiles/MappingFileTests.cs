namespace SupportLens.Ingest.Tests.Profiles;

public sealed class MappingFileTests
{
    private static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "Profiles", "Golden", name);

    [Fact]
    public void The_worked_example_of_the_readme_loads_as_the_golden_file_says()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, Golden("acme-helpdesk.csv"), Golden("acme-helpdesk.mapping.json"));
        Assert.Equal("mapping:acme-helpdesk.mapping.json", report.Profile);
        var rows = f.Scalar("""
            SELECT string_agg(concat_ws(' | ', source, ticket_id, client_id, strftime(created_at, '%Y-%m-%dT%H:%MZ'), channel, priority, status,
                   strftime(first_response_at, '%Y-%m-%dT%H:%MZ'), strftime(solved_at, '%Y-%m-%dT%H:%MZ'), strftime(updated_at, '%Y-%m-%dT%H:%MZ'),
                   agent_replies, escalated), chr(10) ORDER BY ticket_id)
            FROM tickets
            """);
        var errors = string.Join("\n", report.Errors.Select(e => $"{e.Line} | {e.Column} | {e.Value} | {e.Reason}"));
        var actual = $"{rows}\n--\n{errors}\n";
        var expected = File.ReadAllText(Golden("acme-helpdesk.expected.txt"));
        if (actual != expected)
        {
            File.WriteAllText(Golden("acme-helpdesk.actual.txt"), actual);
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_mapping_file_reads_the_real_fivetran_zendesk_ticket_table()
    {
        using var f = new IngestFixture();
        var orgs = "370295712714,370469077513,370321120273,370295721514,370297881854,370295709874,370295719414,370295713034,370295719754";
        f.Ingest(IngestKind.Clients, f.Write("orgs.csv", "client_id,name,tier\n" + string.Join("\n", orgs.Split(',').Select(o => $"{o},Org {o},business")) + "\n"));
        var mapping = f.Write("fivetran.json", """
            {
              "kind": "tickets",
              "source": "zendesk",
              "fields": {
                "ticket_id": "id", "client_id": "organization_id",
                "created_at": { "column": "created_at", "format": "yyyy-MM-dd HH:mm:ss" },
                "updated_at": { "column": "updated_at", "format": "yyyy-MM-dd HH:mm:ss" },
                "channel": "via_channel", "priority": "priority",
                "status": { "column": "status", "values": { "hold": "on_hold" } },
                "category": "type", "agent_id": "assignee_id"
              }
            }
            """);
        var report = f.Ingest(IngestKind.Tickets, SharedData.Path("zendesk", "dbt-seeds", "ticket_data.csv"), mapping);
        Assert.Equal((10L, 7L, 3L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal(["status", "organization_id", "status"], report.Errors.Select(e => e.Column));
        Assert.Equal([2L, 5L, 7L], report.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Mapping_files_with_unknown_fields_or_a_wrong_kind_are_usage_errors()
    {
        using var f = new IngestFixture();
        var csv = f.Write("x.csv", "a\n1\n");
        var wrongField = f.Write("m1.json", """{"kind": "tickets", "fields": {"ticket_no": "a"}}""");
        Assert.Contains("unknown field 'fields.ticket_no' for tickets: did you mean 'ticket_id'?", Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, csv, wrongField)).Message);
        var wrongKind = f.Write("m2.json", """{"kind": "nps", "fields": {"response_id": "a"}}""");
        Assert.Contains("is for nps, not tickets", Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, csv, wrongKind)).Message);
        Assert.Contains("unknown profile", Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, csv, "nosuch")).Message);
    }

    [Theory]
    [InlineData("""{"kind": "tickets", "timezon": "Europe/Berlin", "fields": {"ticket_id": "a"}}""", "unknown key 'timezon': did you mean 'timezone'?")]
    [InlineData("""{"kind": "tickets", "fields": {"ticket_id": "a", "created_at": {"column": "b", "fromat": "dd.MM.yyyy"}}}""", "unknown key 'fields.created_at.fromat': did you mean 'format'?")]
    [InlineData("""{"kind": "tickets", "fields": {"ticket_id": "a", "channel": {"column": "c", "valeus": {"Phone": "phone"}}}}""", "unknown key 'fields.channel.valeus': did you mean 'values'?")]
    [InlineData("""{"kind": "tickets", "fields": {"ticket_id": "a", "channel": {"column": "c", "values": {"Phone": {"to": "phone"}}}}}""", "'fields.channel.values.Phone' must be a value (text or number), not an object")]
    [InlineData("""{"kind": "tickets", "fields": {"ticket_no": "a"}}""", "unknown field 'fields.ticket_no' for tickets: did you mean 'ticket_id'?")]
    [InlineData("""{"kind": "tickets", "felds": {"ticket_id": "a"}}""", "unknown key 'felds': did you mean 'fields'?")]
    public void Unknown_keys_at_any_level_are_errors_that_name_the_path_and_the_nearest_key(string json, string expected)
    {
        using var f = new IngestFixture();
        var mapping = f.Write("m.json", json);
        var e = Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, f.Write("x.csv", "a\n1\n"), mapping));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith($"mapping file {mapping}: ", e.Message);
    }

    [Fact]
    public void A_mapping_path_that_does_not_exist_is_file_not_found_and_a_misspelt_profile_gets_a_suggestion()
    {
        using var f = new IngestFixture();
        var csv = f.Write("x.csv", "a\n1\n");
        var missing = Path.Combine(f.Directory, "acme.mapping.json");
        Assert.Equal($"file not found: {missing}", Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, csv, missing)).Message);
        Assert.Equal("file not found: maps/acme.json", Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, csv, "maps/acme.json")).Message);
        var typo = Assert.Throws<IngestUsageException>(() => f.Ingest(IngestKind.Tickets, csv, "zendsk")).Message;
        Assert.StartsWith("unknown profile 'zendsk': did you mean 'zendesk'?", typo);
    }
}
