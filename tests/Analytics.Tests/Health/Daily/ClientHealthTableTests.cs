using System.Text.Json;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Daily;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Health.Daily;

/// <summary>
/// The client-health derived table on two months of made-up tickets for three clients (A professional, B starter that
/// leaves on 2026-03-15, C business): two tickets a day from 2026-02-01, solved three hours later, every seventh
/// escalated, a CSAT answer on every third. Days run 2026-02-01 .. 2026-03-31 in New York.
/// </summary>
public sealed class ClientHealthTableTests : IDisposable
{
    private static readonly LocalDate First = new(2026, 2, 1);
    private static readonly LocalDate Last = new(2026, 3, 31);

    private readonly FixedTime _time = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Warehouse _warehouse;

    public ClientHealthTableTests()
    {
        _warehouse = Warehouse.InMemory(_time);
        using var connection = _warehouse.OpenConnection();
        connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier, contract_start, renewal_date, churned_on) VALUES
                ('A', 'g', 'Acme', 'professional', '2025-06-01', '2026-06-01', NULL),
                ('B', 'g', 'Bolt', 'starter', '2025-03-15', '2026-03-15', '2026-03-15'),
                ('C', 'g', 'Crux', 'business', '2024-09-01', '2026-09-01', NULL);
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, solved_at, agent_replies, reopens, escalated)
            SELECT 'g', c || '-' || i, c,
                   TIMESTAMPTZ '2026-02-01 15:00:00+00' + to_days(CAST(i // 2 AS INTEGER)) + to_hours(CAST(i % 2 AS INTEGER)),
                   'email', 'normal', 'solved',
                   TIMESTAMPTZ '2026-02-01 18:00:00+00' + to_days(CAST(i // 2 AS INTEGER)) + to_hours(CAST(i % 2 AS INTEGER)),
                   1, 0, i % 7 = 0
            FROM (VALUES ('A'), ('B'), ('C')) v(c), range(0, 118) r(i);
            INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good)
            SELECT 'g', 'r-' || ticket_id, ticket_id, client_id, solved_at + INTERVAL 1 HOUR, 5, true
            FROM tickets WHERE hash(ticket_id) % 3 = 0;
            """);
        AddBatch(connection, 1);
        Refresh();
    }

    public void Dispose() => _warehouse.Dispose();

    private static void AddBatch(WarehouseConnection connection, int id) => connection.ExecuteNonQuery($"""
        INSERT INTO ingest_batches (batch_id, kind, profile, file, sha256, started_at, status)
        VALUES ({id}, 'tickets', 'generic', 'tickets.csv', 'x', '2026-04-01T00:00:00Z', 'loaded')
        """);

    private IReadOnlyList<RefreshStep> Refresh(SupportLensSettings? settings = null) =>
        new RefreshService(_warehouse, DerivedTables.All(settings ?? SupportLensSettings.Default, _time), _time).Run();

    private Dictionary<(string, DateOnly), string> Fingerprints()
    {
        using var connection = _warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT client_id, as_of, fingerprint FROM health_scores");
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<(string, DateOnly), string>();
        while (reader.Read())
        {
            rows[(reader.GetString(0), reader.GetDateOnly(1))] = reader.GetString(2);
        }
        return rows;
    }

    private long Count(string sql)
    {
        using var connection = _warehouse.OpenConnection();
        using var command = connection.CreateCommand(sql);
        return command.ExecuteScalar<long>();
    }

    [Fact]
    public void Refresh_stores_a_score_and_a_risk_for_every_active_client_day()
    {
        // A and C: 28 days of February + 31 of March = 59 each; B: 28 + 14 (it left on 03-15) = 42.
        Assert.Equal(59 + 59 + 42, Count("SELECT count(*) FROM health_scores"));
        Assert.Equal(42, Count("SELECT count(*) FROM health_scores WHERE client_id = 'B'"));
        Assert.Equal(0, Count("SELECT count(*) FROM health_scores WHERE client_id = 'B' AND as_of >= DATE '2026-03-15'"));
        Assert.Equal(0, Count("SELECT count(*) FROM health_scores h ANTI JOIN client_risk r USING (client_id, as_of)"));

        var service = new ClientHealthService(_warehouse, SupportLensSettings.Default);
        Assert.Equal(new StoredHealthDays(First, Last), service.StoredDays());
        var book = service.Book(Last);
        Assert.Equal(["A", "C"], book.Clients.Select(c => c.Client.ClientId).Order());
        var a = book.Clients.Single(c => c.Client.ClientId == "A");
        // Two tickets a day: 60 in the 30-day window; every seventh escalated.
        Assert.Equal(60, a.Health.Coverage.Tickets);
        Assert.NotNull(a.Health.Score);
        Assert.Equal(new LocalDate(2026, 3, 1), a.Health.Trend!.EarlierAsOf);
        // The spikes table, refreshed just before, scanned A's volume: spike days are measured over the days it looked at.
        var spikes = a.Health.Components.Single(c => c.Component == HealthComponent.VolumeSpikes);
        Assert.True(spikes.IsMeasured);
        Assert.InRange(spikes.Evidence, 1, 30);
        Assert.Equal(9, a.Health.Components.Length);
    }

    [Fact]
    public void Risk_runs_know_only_their_own_day_and_fall_back_to_health_rules_without_churn_events()
    {
        using var connection = _warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT run_as_of, assesses_to, method, card FROM risk_runs ORDER BY run_as_of");
        using var reader = command.ExecuteReader();
        var runs = new List<(DateOnly Day, DateOnly To, string Method, JsonElement Card)>();
        while (reader.Read())
        {
            runs.Add((reader.GetDateOnly(0), reader.GetDateOnly(1), reader.GetString(2), JsonDocument.Parse(reader.GetString(3)).RootElement));
        }

        // The first day, each first of a month, the horizon's day; each assesses up to the next.
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)], runs.Select(r => r.Day));
        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 31)], runs.Select(r => r.To));
        Assert.All(runs, r => Assert.Equal(r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Card.GetProperty("data_end").GetString()));
        // B leaves on 03-15: known to the horizon's run, not to the earlier ones; one event is too few either way.
        Assert.Equal([0, 0, 1], runs.Select(r => r.Card.GetProperty("churn_events").GetInt32()));
        Assert.All(runs, r => Assert.Equal("health_rules", r.Method));
        Assert.All(runs, r => Assert.Contains("too few to train a model", r.Card.GetProperty("note").GetString()));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM client_risk c JOIN risk_runs r USING (run_as_of)
            WHERE c.as_of < r.run_as_of OR c.as_of > r.assesses_to OR c.probability IS NOT NULL OR c.method <> 'health_rules'
            """));
    }

    [Fact]
    public void Fresh_after_a_refresh_and_a_second_refresh_writes_nothing()
    {
        var table = new ClientHealthTable(SupportLensSettings.Default, _time);
        using (var connection = _warehouse.OpenConnection())
        {
            Assert.False(table.IsStale(connection));
        }
        var before = Fingerprints();
        using (var connection = _warehouse.OpenConnection())
        {
            Assert.Equal(0, table.Refresh(connection));
        }
        Assert.Equal(before, Fingerprints());
    }

    [Fact]
    public void New_data_makes_it_stale_and_a_refresh_rewrites_only_what_changed()
    {
        using (var connection = _warehouse.OpenConnection())
        {
            // One more ticket for A on the last day, still open (the horizon does not move).
            connection.ExecuteNonQuery("""
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, agent_replies, reopens, escalated)
                VALUES ('g', 'A-late', 'A', '2026-03-31T16:30:00Z', 'chat', 'open', 0, 0, false)
                """);
            AddBatch(connection, 2);
            Assert.True(new ClientHealthTable(SupportLensSettings.Default, _time).IsStale(connection));
        }
        var before = Fingerprints();

        var step = Refresh().Single(s => s.Name == ClientHealthTable.TableName);

        var after = Fingerprints();
        var changed = after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
        // Only A's last day counts the new ticket; the horizon's risk run, which assesses A and C on it, is retrained.
        Assert.Equal([("A", new DateOnly(2026, 3, 31))], changed);
        Assert.True(step.WasStale);
        Assert.Equal(1 + 2, step.Rows);
    }

    [Fact]
    public void Other_health_settings_make_it_stale_and_rescore_every_day()
    {
        var other = SupportLensSettings.Parse("""{ "health": { "weights": { "csat": 40 } } }""".Replace("{ \"health\"", Defaults(), StringComparison.Ordinal));
        using (var connection = _warehouse.OpenConnection())
        {
            Assert.True(new ClientHealthTable(other, _time).IsStale(connection));
        }
        var step = Refresh(other).Single(s => s.Name == ClientHealthTable.TableName);
        Assert.True(step.Rows >= 160);
    }

    /// <summary>The default configuration file up to (not including) its `health` section, so a test can append its own.</summary>
    private static string Defaults()
    {
        var json = SupportLensSettings.Default.ToJson();
        var cut = json.IndexOf(",\n  \"health\"", StringComparison.Ordinal);
        return json[..cut] + ",\n  \"health\"";
    }
}
