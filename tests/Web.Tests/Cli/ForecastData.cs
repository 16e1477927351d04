using System.Text.Json.Nodes;
using SupportLens.Analytics.Configuration;
using SupportLens.Storage;

namespace SupportLens.Web.Tests.Cli;

/// <summary>
/// A data directory with 20 weeks of tickets (two clients, email and chat, busy weekdays, quiet weekends, solved by three
/// agents) and a configuration for quick forecasts (14 days ahead, 3 origins, no gradient boosting), refreshed once
/// through the CLI for every forecast and capacity verb test.
/// </summary>
public sealed class ForecastData : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ForecastData()
    {
        using (var warehouse = Warehouse.Open(Data, TimeProvider.System))
        using (var connection = warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'g', 'Acme', 'starter'), ('B', 'g', 'Bolt', 'business');
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, agent_id, solved_at, updated_at)
                SELECT 'g', concat('t', d, '-', k), CASE WHEN k % 2 = 0 THEN 'A' ELSE 'B' END,
                       TIMESTAMPTZ '2026-01-05 15:00:00+00' + to_days(d) + to_minutes(k * 7),
                       CASE WHEN k % 3 = 0 THEN 'chat' ELSE 'email' END, 'solved', concat('AG', k % 3),
                       TIMESTAMPTZ '2026-01-05 16:00:00+00' + to_days(d) + to_minutes(k * 7),
                       TIMESTAMPTZ '2026-01-05 16:00:00+00' + to_days(d) + to_minutes(k * 7)
                FROM range(0, 140) AS days(d), range(0, 14) AS slots(k)
                WHERE k < CASE WHEN isodow(DATE '2026-01-05' + CAST(d AS INTEGER)) >= 6 THEN 3 ELSE 8 + (d * 7919) % 5 END;
                INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('tickets', 'generic', 't.csv', 'x', now(), 'loaded');
                """);
        }

        var json = JsonNode.Parse(SupportLensSettings.Default.ToJson())!;
        json["forecast"] = JsonNode.Parse("""{ "horizon_days": 14, "backtest_origins": 3, "gradient_boosting": false }""");
        File.WriteAllText(Config, json.ToJsonString());
        Refresh = CliRunner.Run("refresh", "--data", Data, "--config", Config);
    }

    public string Data => _dir.File("data");

    public string Config => _dir.File("supportlens.json");

    internal CliResult Refresh { get; }

    internal CliResult Run(params string[] args) => CliRunner.Run([.. args, "--data", Data, "--config", Config]);

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ForecastDataCollection : ICollectionFixture<ForecastData>
{
    public const string Name = "forecast data";
}
