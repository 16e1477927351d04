using System.Text.Json;
using SupportLens.Storage;

namespace SupportLens.Web.Tests.Cli;

/// <summary>
/// The incidents and availability parts of `metrics`, over October 2024 in New York: [2024-10-01T04:00Z, 2024-11-01T04:00Z),
/// 744 h = 44,640 min, long past, so "now" (the real clock) changes nothing.
/// </summary>
public sealed class MetricsIncidentsTests
{
    private static TempDirectory WarehouseWithIncidents()
    {
        var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("""
            INSERT INTO incidents (source, incident_id, severity, title, component, started_at, acknowledged_at, first_update_at, resolved_at, affects_all) VALUES
                -- severity 1: acknowledged after 10 min, updated after 30, resolved after 2 h: all met
                ('g', 'I1', 1, 'API down', 'api', '2024-10-10T12:00:00Z', '2024-10-10T12:10:00Z', '2024-10-10T12:30:00Z', '2024-10-10T14:00:00Z', true),
                -- severity 4: acknowledged after 30 h (missed 24 h), no communication promised, resolved after 2 days (met)
                ('g', 'I2', 4, 'CRM lag', 'crm', '2024-10-20T12:00:00Z', '2024-10-21T18:00:00Z', NULL, '2024-10-22T12:00:00Z', false);
            INSERT INTO checks (source, component, checked_at, ok, latency_ms) VALUES
                -- api: up from the month's first instant, down 12:00 → 12:30 on 10 October: 100 · 44,610 / 44,640 = 99.933 %
                ('g', 'api', '2024-10-01T04:00:00Z', true, 100),
                ('g', 'api', '2024-10-10T12:00:00Z', false, NULL),
                ('g', 'api', '2024-10-10T12:30:00Z', true, 300);
            """);
        return dir;
    }

    [Fact]
    public void Json_adds_incidents_and_availability_and_keeps_the_contract_fields()
    {
        using var dir = WarehouseWithIncidents();
        var result = CliRunner.Run("metrics", "--month", "2024-10", "--json", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal(["from", "to", "time_zone", "as_of", "groups", "incidents", "availability"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("all", root.GetProperty("groups")[0].GetProperty("key").GetString());

        var incidents = root.GetProperty("incidents");
        var severities = incidents.GetProperty("severities").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], severities.Select(s => s.GetProperty("severity").GetInt32()));
        var sev1 = severities[0];
        Assert.Equal(1, sev1.GetProperty("incidents").GetInt64());
        Assert.Equal(100.0, sev1.GetProperty("initial_response").GetProperty("pct").GetDouble());
        Assert.Equal(10.0, sev1.GetProperty("mtta_minutes").GetDouble());
        Assert.Equal(2.0, sev1.GetProperty("mttr_hours").GetDouble());
        var sev4 = severities[3];
        Assert.Equal(0.0, sev4.GetProperty("initial_response").GetProperty("pct").GetDouble());
        Assert.Equal(JsonValueKind.Null, sev4.GetProperty("client_communication").GetProperty("pct").ValueKind);
        Assert.Equal(1, sev4.GetProperty("client_communication").GetProperty("not_applicable").GetInt64());
        var all = incidents.GetProperty("all");
        Assert.Equal(JsonValueKind.Null, all.GetProperty("severity").ValueKind);
        Assert.Equal(2, all.GetProperty("incidents").GetInt64());
        // Initial response: 1 met, 1 missed.
        Assert.Equal(50.0, all.GetProperty("initial_response").GetProperty("pct").GetDouble());

        var availability = root.GetProperty("availability").EnumerateArray().ToList();
        Assert.Equal(["api", "crm"], availability.Select(a => a.GetProperty("component").GetString()));
        Assert.Equal(99.9328, availability[0].GetProperty("availability_pct").GetDouble());
        Assert.True(availability[0].GetProperty("availability_met").GetBoolean());
        Assert.Equal(99.9, availability[0].GetProperty("availability_target_pct").GetDouble());
        // p95 of 100 and 300 ms: 100 + 0.95 · 200 = 290 ms.
        Assert.Equal(290.0, availability[0].GetProperty("p95_latency_ms").GetDouble());
        Assert.Equal(500.0, availability[0].GetProperty("p95_latency_target_ms").GetDouble());
        Assert.Equal(744.0, availability[0].GetProperty("measured_hours").GetDouble());
        Assert.Equal(30.0, availability[0].GetProperty("down_minutes").GetDouble());
        // crm had an incident and no checks: not measured, not 100 %.
        Assert.Equal(JsonValueKind.Null, availability[1].GetProperty("availability_pct").ValueKind);
        Assert.Equal(JsonValueKind.Null, availability[1].GetProperty("availability_met").ValueKind);
    }

    [Fact]
    public void Text_has_incidents_and_availability_sections()
    {
        using var dir = WarehouseWithIncidents();
        var result = CliRunner.Run("metrics", "--month", "2024-10", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Incidents (", StringComparison.Ordinal));
        // The instant the incidents are judged at reads on the reporting time zone's clock, as the scorecard's does.
        var asOf = Assert.Single(lines, l => l.StartsWith("Incidents (", StringComparison.Ordinal));
        Assert.Matches(@"as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} America/New_York; compliance", asOf);
        Assert.Contains(lines, l => l.StartsWith("Availability (", StringComparison.Ordinal) && l.Contains(">= 99.9 %") && l.Contains("< 500 ms"));
        var sev1 = Assert.Single(lines, l => l.StartsWith("1 ", StringComparison.Ordinal));
        Assert.Contains("100.0 % (1/1)", sev1);
        Assert.Contains("10m", sev1);
        Assert.Contains("2h00m", sev1);
        var sev4 = Assert.Single(lines, l => l.StartsWith("4 ", StringComparison.Ordinal));
        Assert.Contains("0.0 % (0/1)", sev4);
        Assert.Contains("n/a", sev4);
        Assert.Contains("30h00m", sev4);
        Assert.Contains(lines, l => l.StartsWith("api", StringComparison.Ordinal) && l.Contains("99.933 % met") && l.Contains("290 ms met"));
        Assert.Contains(lines, l => l.StartsWith("crm", StringComparison.Ordinal) && l.Contains("not measured"));
    }

    [Fact]
    public void An_empty_warehouse_says_so()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("metrics", "--month", "2024-10", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Availability: no checks in the period", result.Output);
        // No incident of a severity: its compliance and mean times are not measured, written "–" as everywhere else.
        var sev1 = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("1 ", StringComparison.Ordinal));
        Assert.Equal(["1", "0", "–", "–", "–", "–", "–"], sev1.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
