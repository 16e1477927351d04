using System.Text.Json.Nodes;

namespace SupportLens.Ingest.Tests.Profiles;

/// <summary>JSON records as real APIs write them: lists of names that hold separators, and keys repeated or differing only by case.</summary>
public sealed class JsonFieldTests
{
    [Fact]
    public void Statuspage_component_names_with_semicolons_and_commas_stay_whole()
    {
        using var f = new IngestFixture();
        // A real GitHub incident, its components renamed as some status pages name theirs.
        var incident = JsonNode.Parse(File.ReadAllText(SharedData.Path("statuspage-incidents", "incidents", "01sqkcp7z62r.json")))!;
        incident["incident"]!["components"] = new JsonArray(
            new JsonObject { ["id"] = "a", ["name"] = "API; Webhooks" },
            new JsonObject { ["id"] = "b", ["name"] = "Git Operations, SSH" });
        var report = f.Ingest(IngestKind.Incidents, f.Write("i.json", incident.ToJsonString()), "statuspage");
        Assert.Equal(1, report.RowsLoaded);
        Assert.Equal("1:API; Webhooks|2:Git Operations, SSH",
            f.Scalar("SELECT string_agg(position || ':' || component, '|' ORDER BY position) FROM incident_components"));
        Assert.Equal("API; Webhooks", f.Scalar("SELECT component FROM incidents"));
    }

    [Fact]
    public void A_json_list_of_components_or_clients_is_split_by_its_elements_not_by_separators_in_them()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var json = """
            [{"incident_id": "I1", "severity": 2, "title": "Down", "started_at": "2024-03-01T00:00:00Z",
              "component": ["API; Webhooks", "Git, SSH"], "affected_clients": ["C1", "C2"]}]
            """;
        Assert.Equal(1, f.Ingest(IngestKind.Incidents, f.Write("i.json", json)).RowsLoaded);
        Assert.Equal("API; Webhooks|Git, SSH", f.Scalar("SELECT string_agg(component, '|' ORDER BY position) FROM incident_components"));
        Assert.Equal(2L, f.Count("SELECT count(*) FROM incident_clients"));
    }

    [Fact]
    public void A_key_the_profile_reads_twice_or_in_two_cases_quarantines_the_record_and_one_nobody_reads_does_not()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var json = """
            {"tickets": [
              {"ticket_id": "J1", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "email", "status": "open", "Status": "solved"},
              {"ticket_id": "J2", "ticket_id": "J2b", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "email", "status": "open"},
              {"ticket_id": "J3", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "email", "status": "open", "note": "a", "Note": "b"}
            ]}
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.json", json));
        Assert.Equal((1L, 2L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal([(2L, "status"), (3L, "ticket_id")], report.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Equal("the object has the keys 'status' and 'Status' (keys are matched ignoring case): which one holds status is ambiguous; rename or remove one", report.Errors[0].Reason);
        Assert.Equal("the object has the key 'ticket_id' twice: which one holds ticket_id is ambiguous; rename or remove one", report.Errors[1].Reason);
        Assert.Equal("J3", f.Scalar("SELECT ticket_id FROM tickets"));
    }
}
