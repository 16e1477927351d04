using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Apis;

/// <summary>The read endpoints besides metrics: incidents, SLA due soon, clients, status, users, and the OpenAPI document.</summary>
public sealed class ReadApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Incidents_lists_compliance_availability_and_the_periods_incidents()
    {
        var json = JsonNode.Parse(await factory.WithToken("planner").GetStringAsync("/api/incidents?month=2026-10"))!;
        Assert.Equal("2026-10-01", json["from"]!.GetValue<string>());
        var incident = json["list"]!.AsArray().Single()!;
        Assert.Equal("INC-1", incident["incident_id"]!.GetValue<string>());
        // Severity 2: initial response within 1 h (took 20 min), communication within 4 h (1 h), resolution within 12 h (6 h).
        Assert.Equal("met", incident["initial_response"]!.GetValue<string>());
        Assert.Equal("met", incident["resolution"]!.GetValue<string>());
        var sev2 = json["incidents"]!["severities"]!.AsArray().Single(s => s!["severity"]!.GetValue<int>() == 2)!;
        Assert.Equal(1, sev2["incidents"]!.GetValue<long>());
        Assert.Equal(20.0, sev2["mtta_minutes"]!.GetValue<double>());
        var dashboard = json["availability"]!.AsArray().Single()!;
        Assert.Equal("dashboard", dashboard["component"]!.GetValue<string>());
        Assert.Equal(4, dashboard["checks"]!.GetValue<long>());
        Assert.Equal(1, dashboard["failed_checks"]!.GetValue<long>());
    }

    [Fact]
    public async Task Sla_due_soon_lists_open_tickets_by_deadline_as_of_the_horizon()
    {
        // T6 (starter, email, 20:00Z on Oct 31) and T7 (enterprise, chat, 21:00Z) are open; the tickets horizon is 23:00Z.
        // T7's enterprise targets (1 h first response, 4 h resolution, 24x7): first response passed at 22:00Z (breached,
        // not active); resolution due 01:00Z, 2 h ahead. T6: starter business hours, Friday evening: due next week.
        var json = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/sla/due-soon?within_hours=4"))!;
        var tickets = json["tickets"]!.AsArray();
        var first = tickets[0]!;
        Assert.Equal("T7", first["ticket_id"]!.GetValue<string>());
        Assert.Equal("resolution", first["target"]!.GetValue<string>());
        Assert.Equal(120.0, first["minutes_left"]!.GetValue<double>());
        Assert.DoesNotContain(tickets, t => t!["ticket_id"]!.GetValue<string>() == "T6");
        Assert.Equal(1, json["due_within"]!.GetValue<long>());
        Assert.Equal(3, json["active_targets"]!.GetValue<long>());

        var wider = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/sla/due-soon?within_hours=168"))!;
        Assert.Contains(wider["tickets"]!.AsArray(), t => t!["ticket_id"]!.GetValue<string>() == "T6");
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.WithToken("exec").GetAsync("/api/sla/due-soon?within_hours=0")).StatusCode);
    }

    [Fact]
    public async Task Status_tells_the_horizons_and_that_nothing_lags()
    {
        var json = JsonNode.Parse(await factory.WithToken("planner").GetStringAsync("/api/status"))!;
        Assert.Equal("America/New_York", json["time_zone"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-10-31T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            json["tickets_horizon"]!.GetValue<DateTimeOffset>());
        Assert.Empty(json["stale_tables"]!.AsArray());
    }

    [Fact]
    public async Task Users_can_be_listed_and_added_by_an_admin_token()
    {
        var admin = factory.WithToken("admin");
        using var added = await admin.PostAsJsonAsync("/api/users", new { name = "casey", role = "success-manager", email = "casey@example.com", clients = new[] { "C3" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = JsonNode.Parse(await added.Content.ReadAsStringAsync())!;
        Assert.Equal(20, body["generated_password"]!.GetValue<string>().Length);
        var users = JsonNode.Parse(await admin.GetStringAsync("/api/users"))!["users"]!.AsArray();
        var casey = users.Single(u => u!["name"]!.GetValue<string>() == "casey")!;
        Assert.Equal(["C3"], casey["clients"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain("password_hash", await admin.GetStringAsync("/api/users"));

        using var duplicate = await admin.PostAsJsonAsync("/api/users", new { name = "casey", role = "planner" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        using var badRole = await admin.PostAsJsonAsync("/api/users", new { name = "dana", role = "owner" });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        using var shortPassword = await admin.PostAsJsonAsync("/api/users", new { name = "dana", role = "planner", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        using var self = await admin.DeleteAsync("/api/users/admin");
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        var document = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[] { "/api/metrics", "/api/incidents", "/api/sla/due-soon", "/api/clients", "/api/clients/{clientId}",
                     "/api/ingest", "/api/ingest/batches", "/api/ingest/batches/{batchId}/quarantine", "/api/users", "/api/tokens", "/api/me", "/api/status" })
        {
            Assert.Contains(path, paths);
        }
        var metrics = document["paths"]!["/api/metrics"]!["get"]!;
        var parameters = metrics["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("success_manager", parameters);
        Assert.Contains("as_of", parameters);
        // The answer's schema has the CLI's snake_case fields.
        Assert.Contains("csat_pct", document["components"]!.ToJsonString());
    }
}
