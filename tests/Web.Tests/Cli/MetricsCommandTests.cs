using System.Text.Json;
using SupportLens.Storage;

namespace SupportLens.Web.Tests.Cli;

public sealed class MetricsCommandTests
{
    private static TempDirectory WarehouseWithTickets()
    {
        var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'generic', 'Acme', 'starter'), ('B', 'generic', 'Bolt', 'business');
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, solved_at, agent_replies, reopens, escalated) VALUES
                ('g', '1', 'A', '2026-10-05T14:00:00Z', 'email', 'solved', '2026-10-05T16:00:00Z', 1, 0, false),
                ('g', '2', 'B', '2026-10-06T14:00:00Z', 'chat', 'solved', '2026-10-06T15:00:00Z', 2, 0, true);
            INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                ('g', 'r1', '1', 'A', '2026-10-06T10:00:00Z', 5, true);
            """);
        return dir;
    }

    [Fact]
    public void Json_by_tier_has_the_contract_fields()
    {
        using var dir = WarehouseWithTickets();
        var result = CliRunner.Run("metrics", "--month", "2026-10", "--by", "tier", "--json", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("2026-10-01", root.GetProperty("from").GetString());
        Assert.Equal("2026-10-31", root.GetProperty("to").GetString());
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["starter", "business"], groups.Select(g => g.GetProperty("key").GetString()));
        foreach (var field in new[] { "key", "tickets", "csat_pct", "csat_responses", "nps", "nps_responses", "fcr_pct", "sla_first_response_pct", "sla_resolution_pct", "escalation_pct", "reopen_pct", "targets" })
        {
            Assert.True(groups[0].TryGetProperty(field, out _), field);
        }
        Assert.Equal(1, groups[0].GetProperty("tickets").GetInt64());
        Assert.Equal(100.0, groups[0].GetProperty("csat_pct").GetDouble());
        Assert.Equal(JsonValueKind.Null, groups[1].GetProperty("csat_pct").ValueKind);
        Assert.Equal(100.0, groups[1].GetProperty("escalation_pct").GetDouble());
    }

    [Fact]
    public void Text_output_shows_the_period_and_zone()
    {
        using var dir = WarehouseWithTickets();
        var result = CliRunner.Run("metrics", "--from", "2026-10-01", "--to", "2026-10-31", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-10-01 to 2026-10-31 (America/New_York)", result.Output);
        Assert.Contains("all", result.Output);
    }

    [Theory]
    [InlineData("--month", "2026-13")]
    [InlineData("--month", "October")]
    [InlineData("--from", "2026-10-01")]
    public void Bad_periods_are_usage_errors(string option, string value)
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("metrics", option, value, "--data", dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Unknown_dimension_is_a_usage_error()
    {
        var result = CliRunner.Run("metrics", "--month", "2026-10", "--by", "planet");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("planet", result.Error);
    }

    [Fact]
    public void An_invalid_configuration_file_fails_naming_the_key()
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "bad.json");
        var json = SupportLens.Analytics.Configuration.SupportLensSettings.Default.ToJson()
            .Replace("\"reporting_time_zone\": \"America/New_York\"", "\"reporting_time_zone\": \"Mars/Olympus\"", StringComparison.Ordinal);
        File.WriteAllText(config, json);
        var result = CliRunner.Run("metrics", "--month", "2026-10", "--config", config, "--data", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("reporting_time_zone", result.Error);
        Assert.Contains("Mars/Olympus", result.Error);
    }

    [Fact]
    public void By_client_lists_the_incidents_that_hit_each_client()
    {
        using var dir = WarehouseWithTickets();
        using (var warehouse = Warehouse.Open(dir.Path, TimeProvider.System))
        using (var connection = warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO incidents (source, incident_id, severity, title, component, started_at, acknowledged_at, resolved_at, affects_all) VALUES
                    ('g', 'INC-1', 2, 'Routing outage', 'call-routing', '2026-10-07T10:00:00Z', '2026-10-07T10:20:00Z', '2026-10-07T12:00:00Z', false),
                    ('g', 'INC-2', 4, 'Slow dashboard', 'dashboard', '2026-10-08T10:00:00Z', '2026-10-08T11:00:00Z', '2026-10-08T15:00:00Z', true);
                INSERT INTO incident_clients VALUES ('g', 'INC-1', 'A');
                """);
        }
        var result = CliRunner.Run("metrics", "--month", "2026-10", "--by", "client", "--json", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var groups = document.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        Assert.Equal(["INC-1", "INC-2"], groups["A"].GetProperty("incidents_hit").EnumerateArray().Select(i => i.GetProperty("incident_id").GetString()));
        Assert.Equal(["INC-2"], groups["B"].GetProperty("incidents_hit").EnumerateArray().Select(i => i.GetProperty("incident_id").GetString()));

        var text = CliRunner.Run("metrics", "--month", "2026-10", "--by", "client", "--data", dir.Path);
        Assert.Contains("A: INC-1 (sev 2, 2026-10-07), INC-2 (sev 4, 2026-10-08, all clients)", text.Output);
    }
}
