using System.Text.Json.Nodes;
using SupportLens.Analytics.Configuration;
using SupportLens.Storage;
using SupportLens.Reports;
using SupportLens.Web.Tests.Cli;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>
/// The test host over <see cref="WebTestData"/> plus six months of daily tickets for C1 and C2 (enough history for
/// health trends, forecasts with backtests and a capacity plan), refreshed with a quick forecast configuration; with
/// what `health`, `forecast` and `capacity` print for it (taken before the host owns the database, as `serve` does),
/// and an archive of real PDFs: an executive pack and the client-health reports of C1 and C3, each recorded in
/// report_runs.
/// </summary>
public sealed class PlanningFactory : WebAppFactory
{
    private readonly Dictionary<string, string> _outputs = new(StringComparer.Ordinal);
    private IReadOnlyList<RenderedReport> _reports = [];

    /// <summary>The verbs compared, by a name the tests use.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Cases = new Dictionary<string, string[]>
    {
        ["health"] = ["health"],
        ["health-c1"] = ["health", "--client", "C1"],
        ["health-earlier"] = ["health", "--as-of", "2026-09-15"],
        ["health-c2-earlier"] = ["health", "--client", "C2", "--as-of", "2026-09-15"],
        ["forecast"] = ["forecast"],
        ["forecast-channel-7"] = ["forecast", "--series", "channel", "--horizon", "7"],
        ["forecast-weekly"] = ["forecast", "--weekly"],
        ["capacity"] = ["capacity"],
        ["capacity-1"] = ["capacity", "--weeks", "1"],
    };

    private string ConfigFile => Path.Combine(DataDirectory, "test-supportlens.json");

    public override string? ConfigPath => ConfigFile;

    /// <summary>The CLI's --json output of a case.</summary>
    internal JsonNode Cli(string name)
    {
        _ = Services;
        return JsonNode.Parse(_outputs[name])!;
    }

    /// <summary>The archive's PDFs as the renderer wrote them.</summary>
    internal IReadOnlyList<RenderedReport> Reports
    {
        get
        {
            _ = Services;
            return _reports;
        }
    }

    protected override void BeforeStart()
    {
        using (var warehouse = Warehouse.Open(DataDirectory, TimeProvider.System))
        using (var connection = warehouse.OpenConnection())
        {
            // Weekdays busy, weekends quiet, a little noise; all solved by three agents within the hour.
            connection.ExecuteNonQuery("""
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, agent_id, first_response_at, solved_at, updated_at, agent_replies, reopens)
                SELECT 'generic', concat('H', d, '-', k), CASE WHEN k % 2 = 0 THEN 'C1' ELSE 'C2' END,
                       TIMESTAMPTZ '2026-05-01 14:00:00+00' + to_days(d) + to_minutes(k * 7),
                       CASE WHEN k % 3 = 0 THEN 'chat' ELSE 'email' END, 'solved', concat('AG', k % 3),
                       TIMESTAMPTZ '2026-05-01 14:10:00+00' + to_days(d) + to_minutes(k * 7),
                       TIMESTAMPTZ '2026-05-01 15:00:00+00' + to_days(d) + to_minutes(k * 7),
                       TIMESTAMPTZ '2026-05-01 15:00:00+00' + to_days(d) + to_minutes(k * 7),
                       1, CASE WHEN (d + k) % 11 = 0 THEN 1 ELSE 0 END
                FROM range(0, 183) AS days(d), range(0, 12) AS slots(k)
                WHERE k < CASE WHEN isodow(DATE '2026-05-01' + CAST(d AS INTEGER)) >= 6 THEN 2 ELSE 6 + (d * 7919) % 5 END;
                INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('tickets', 'generic', 'history.csv', 'y', now(), 'loaded');
                """);
        }
        var json = JsonNode.Parse(SupportLensSettings.Default.ToJson())!;
        json["forecast"] = JsonNode.Parse("""{ "horizon_days": 28, "backtest_origins": 3, "gradient_boosting": false }""");
        File.WriteAllText(ConfigFile, json.ToJsonString());
        var refresh = CliRunner.Run("refresh", "--data", DataDirectory, "--config", ConfigFile);
        Assert.True(refresh.ExitCode == 0, refresh.Error);
        foreach (var (name, args) in Cases)
        {
            var result = CliRunner.Run([.. args, "--json", "--data", DataDirectory, "--config", ConfigFile]);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
            _outputs[name] = result.Output;
        }
        _reports = TestReports.Write(DataDirectory, ConfigFile, "2026-10", (ReportKind.Executive, null), (ReportKind.ClientHealth, "C1"), (ReportKind.ClientHealth, "C3"));
    }
}
