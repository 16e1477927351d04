using System.Text.Json;
using SupportLens.Storage;

namespace SupportLens.Web.Tests.Cli;

/// <summary>
/// `supportlens health` on a small warehouse: three clients, two tickets a day through February and March 2026 (B
/// leaves on 03-15), refreshed once for all the tests (the verb only reads).
/// </summary>
public sealed class HealthCommandTests : IClassFixture<HealthCommandTests.SmallBook>
{
    private readonly SmallBook _book;

    public HealthCommandTests(SmallBook book) => _book = book;

    public sealed class SmallBook : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public SmallBook()
        {
            using (var warehouse = Warehouse.Open(_dir.Path, TimeProvider.System))
            using (var connection = warehouse.OpenConnection())
            {
                connection.ExecuteNonQuery("""
                    INSERT INTO clients (client_id, source, name, tier, success_manager, contract_start, renewal_date, mrr, churned_on) VALUES
                        ('A', 'g', 'Acme', 'professional', 'Ana', '2025-06-01', '2026-06-01', 1000, NULL),
                        ('B', 'g', 'Bolt', 'starter', 'Ben', '2025-03-15', '2026-03-15', 300, '2026-03-15'),
                        ('C', 'g', 'Crux', 'business', 'Ana', '2024-09-01', '2026-09-01', 5000, NULL);
                    INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, solved_at, agent_replies, reopens, escalated)
                    SELECT 'g', c || '-' || i, c,
                           TIMESTAMPTZ '2026-02-01 15:00:00+00' + to_days(CAST(i // 2 AS INTEGER)),
                           'email', 'normal', 'solved',
                           TIMESTAMPTZ '2026-02-01 18:00:00+00' + to_days(CAST(i // 2 AS INTEGER)),
                           CASE WHEN c = 'C' AND i > 80 THEN 3 ELSE 1 END, 0, c = 'C' AND i % 2 = 0
                    FROM (VALUES ('A'), ('B'), ('C')) v(c), range(0, 118) r(i);
                    INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status)
                    VALUES ('tickets', 'generic', 'tickets.csv', 'x', '2026-04-01T00:00:00Z', 'loaded');
                    """);
            }
            var refresh = CliRunner.Run("refresh", "--data", _dir.Path);
            Assert.Equal(0, refresh.ExitCode);
        }

        public string Path => _dir.Path;

        public void Dispose() => _dir.Dispose();
    }

    [Fact]
    public void Json_lists_the_clients_active_on_the_last_stored_day_with_the_contract_fields()
    {
        var result = CliRunner.Run("health", "--json", "--data", _book.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("2026-03-31", root.GetProperty("as_of").GetString());
        Assert.Equal("2026-02-01", root.GetProperty("stored_from").GetString());
        var clients = root.GetProperty("clients").EnumerateArray().ToList();
        // B left on 03-15: not active on 03-31.
        Assert.Equal(["A", "C"], clients.Select(c => c.GetProperty("client_id").GetString()).Order());
        foreach (var field in new[] { "client_id", "score", "band", "risk", "at_risk", "drivers", "coverage", "trend", "method", "risk_drivers", "success_manager", "renewal" })
        {
            Assert.True(clients[0].TryGetProperty(field, out _), field);
        }
        // Without churn events the flags come from health rules: no probability, and the output says so.
        Assert.All(clients, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("risk").ValueKind));
        Assert.All(clients, c => Assert.Equal("health_rules", c.GetProperty("method").GetString()));
        Assert.Equal(JsonValueKind.Null, clients[0].GetProperty("history").ValueKind);
        Assert.Contains("too few to train a model", root.GetProperty("risk_run").GetProperty("note").GetString());
        Assert.Equal("2026-03-31", root.GetProperty("model_card").GetProperty("data_end").GetString());
        var retention = root.GetProperty("retention");
        Assert.Equal("above", retention.GetProperty("rule").GetString());
        // The 12 months to 03-31 start on 2025-04-01, when B and C were clients (A signed in June); B left: 1 of 2.
        var annual = retention.GetProperty("annual").GetProperty("all");
        Assert.Equal(2, annual.GetProperty("clients_at_start").GetInt32());
        Assert.Equal(1, annual.GetProperty("clients_retained").GetInt32());
        Assert.Equal(50.0, annual.GetProperty("client_retention_pct").GetDouble());
        Assert.False(annual.GetProperty("client_retention_met").GetBoolean());
    }

    [Fact]
    public void Client_detail_has_components_with_their_meaning_and_the_daily_history()
    {
        var result = CliRunner.Run("health", "--client", "C", "--as-of", "2026-03-20", "--json", "--data", _book.Path);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var client = document.RootElement.GetProperty("clients").EnumerateArray().Single();
        Assert.Equal("C", client.GetProperty("client_id").GetString());
        var components = client.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(9, components.Count);
        Assert.All(components, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("meaning").GetString())));
        // The spikes refresh scanned C's volume: the component reads the days it looked at.
        var spikes = components.Single(c => c.GetProperty("component").GetString() == "volume_spikes");
        Assert.Equal(JsonValueKind.Null, spikes.GetProperty("not_measured").ValueKind);
        Assert.StartsWith("Ticket volume spiked on ", spikes.GetProperty("text").GetString());
        // Every day from 02-01 to 03-20: 28 + 20.
        var history = client.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(48, history.Count);
        Assert.Equal("2026-03-20", history[^1].GetProperty("as_of").GetString());
        // Half of C's tickets escalate: far over the 10 % ceiling, so escalations pull its score down.
        Assert.Contains("escalations", client.GetProperty("driver_components").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void Text_lists_the_book_and_explains_one_client()
    {
        var list = CliRunner.Run("health", "--data", _book.Path);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Client health on 2026-03-31 (America/New_York): 2 active clients", list.Output);
        Assert.Contains("Risk flags from health rules, not a model", list.Output);
        Assert.Contains("Retention against the plan's target, above 95 %", list.Output);

        var detail = CliRunner.Run("health", "--client", "C", "--data", _book.Path);
        Assert.Equal(0, detail.ExitCode);
        Assert.Contains("What pulls the score down", detail.Output);
        Assert.Contains("Escalations: tickets created in the last 30 days that were escalated", detail.Output);
        Assert.Contains("volume_spikes", detail.Output);
        Assert.Contains("Ticket volume spiked on", detail.Output);
    }

    [Theory]
    [InlineData("2026-01-31", "No health scores for 2026-01-31: it is before the first stored day; scores run from 2026-02-01 to 2026-03-31")]
    [InlineData("2026-04-01", "No health scores for 2026-04-01: it is after the last stored day; scores run from 2026-02-01 to 2026-03-31")]
    public void A_day_outside_the_stored_scores_says_so(string day, string message)
    {
        var result = CliRunner.Run("health", "--as-of", day, "--data", _book.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void A_client_not_active_that_day_and_a_bad_date_are_refused()
    {
        var gone = CliRunner.Run("health", "--client", "B", "--as-of", "2026-03-20", "--data", _book.Path);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("Client B (Bolt) churned on 2026-03-15 and has no health score on 2026-03-20; its last active day was " +
                        "2026-03-14: supportlens health --client B --as-of 2026-03-14", gone.Error);
        Assert.Equal(0, CliRunner.Run("health", "--client", "B", "--as-of", "2026-03-14", "--data", _book.Path).ExitCode);

        var unknown = CliRunner.Run("health", "--client", "Z", "--data", _book.Path);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Client Z has no health score on 2026-03-31: it is not in the clients table", unknown.Error);

        var bad = CliRunner.Run("health", "--as-of", "2026-13-01", "--data", _book.Path);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--as-of '2026-13-01' is not a date", bad.Error);
    }

    [Fact]
    public void A_long_client_id_is_printed_whole_since_it_is_what_client_takes()
    {
        using var dir = new TempDirectory();
        using (var warehouse = Warehouse.Open(dir.Path, TimeProvider.System))
        using (var connection = warehouse.OpenConnection())
        {
            // A Freshdesk company id (11 digits), with a ticket a day through February 2026.
            connection.ExecuteNonQuery("""
                INSERT INTO clients (client_id, source, name, tier, contract_start) VALUES ('67001265522', 'g', 'Freshdesk Co', 'starter', '2025-01-01');
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, solved_at, agent_replies, reopens)
                SELECT 'g', 'T' || i, '67001265522', TIMESTAMPTZ '2026-02-01 15:00:00+00' + to_days(CAST(i AS INTEGER)), 'email', 'normal',
                       'solved', TIMESTAMPTZ '2026-02-01 18:00:00+00' + to_days(CAST(i AS INTEGER)), 1, 0
                FROM range(0, 28) r(i);
                """);
        }
        Assert.Equal(0, CliRunner.Run("refresh", "--data", dir.Path).ExitCode);
        var result = CliRunner.Run("health", "--data", dir.Path);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        var header = Assert.Single(lines, l => l.StartsWith("client ", StringComparison.Ordinal));
        var row = Assert.Single(lines, l => l.StartsWith("67001265522 Freshdesk Co", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("name", StringComparison.Ordinal), row.IndexOf("Freshdesk", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_warehouse_points_at_refresh()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("health", "--data", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No health scores are stored yet", result.Error);
    }
}
