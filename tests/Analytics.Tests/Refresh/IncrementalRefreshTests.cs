using System.Globalization;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Refresh;
using SupportLens.Ingest;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Refresh;

/// <summary>
/// An incremental refresh after small files must leave exactly the tables a full rebuild makes. Two warehouses load the
/// committed sample history (40 clients, May 2025 to October 2026) and then the same small files: tickets (new ones past
/// the horizon, late ones for days weeks back, an open ticket re-sent solved, an escalation), CSAT and NPS answers and an
/// incident. One refreshes before and after the small files (incremental), the other once at the end (from nothing); every
/// row of every derived table must be the same.
/// </summary>
public sealed class IncrementalRefreshTests : IDisposable
{
    private static readonly (IngestKind Kind, string File)[] Sample =
    [
        (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.TicketEvents, "ticket-events.csv.gz"),
        (IngestKind.Csat, "csat.csv"), (IngestKind.Nps, "nps.csv"), (IngestKind.Incidents, "incidents.csv"), (IngestKind.Checks, "checks.csv.gz"),
        (IngestKind.Volume, "volume.csv.gz"),
    ];

    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_incremental_refresh_after_small_files_equals_a_full_rebuild()
    {
        using var incremental = Load("incremental");
        var first = Refresh(incremental);
        Assert.All(first, step => Assert.True(step.WasStale));
        var files = SmallFiles(incremental);
        Ingest(incremental, files);
        var second = Refresh(incremental);
        Assert.Contains(second, step => step.Name == "client-health" && step.WasStale && step.Rows > 0);

        using var rebuilt = Load("rebuilt");
        Ingest(rebuilt, files);
        Refresh(rebuilt);

        foreach (var (table, sql) in DerivedRows)
        {
            var expected = Rows(rebuilt, sql);
            var actual = Rows(incremental, sql);
            Assert.True(expected.Count > 0, $"{table} is empty in the rebuilt warehouse");
            Assert.True(expected.SequenceEqual(actual), $"{table}: {Difference(expected, actual)}");
        }
    }

    [Fact]
    public void A_forced_refresh_after_incremental_ones_changes_no_row()
    {
        using var warehouse = Load("forced");
        Refresh(warehouse);
        Ingest(warehouse, SmallFiles(warehouse));
        Refresh(warehouse);
        var before = DerivedRows.ToDictionary(t => t.Table, t => Rows(warehouse, t.Sql));

        var forced = new RefreshService(warehouse, DerivedTables.All(SupportLensSettings.Default, _time), _time).Run(force: true);

        Assert.All(forced, step => Assert.True(step.WasStale));
        foreach (var (table, sql) in DerivedRows)
        {
            var after = Rows(warehouse, sql);
            Assert.True(before[table].SequenceEqual(after), $"{table}: {Difference(before[table], after)}");
        }
    }

    // Every derived table, whole; forecast runs by their content (the latest run of each frequency, without its id and
    // timing), since each refresh that refits stores a new run; the ledger's evaluation instant where it means something
    // (a done target is judged by its completion, and the ledger re-evaluates only open tickets when the horizon moves).
    private static readonly (string Table, string Sql)[] DerivedRows =
    [
        ("data_horizon", "SELECT * FROM data_horizon"),
        ("ticket_sla", """
            SELECT * EXCLUDE (evaluated_at),
                   CASE WHEN first_response_done_at IS NULL OR resolution_done_at IS NULL THEN evaluated_at END AS open_evaluated_at
            FROM ticket_sla
            """),
        ("forecast_runs", "SELECT * EXCLUDE (run_id, elapsed_ms) FROM forecast_runs WHERE run_id IN (SELECT max(run_id) FROM forecast_runs GROUP BY frequency)"),
        ("forecast_series", "SELECT * EXCLUDE (run_id) FROM forecast_series WHERE run_id IN (SELECT max(run_id) FROM forecast_runs GROUP BY frequency)"),
        ("forecasts", "SELECT * EXCLUDE (run_id) FROM forecasts WHERE run_id IN (SELECT max(run_id) FROM forecast_runs GROUP BY frequency)"),
        ("spikes", "SELECT * FROM spikes"),
        ("spike_scans", "SELECT * FROM spike_scans"),
        ("health_scores", "SELECT * FROM health_scores"),
        ("health_inputs", "SELECT * FROM health_inputs"),
        ("risk_runs", "SELECT * FROM risk_runs"),
        ("client_risk", "SELECT * FROM client_risk"),
    ];

    private Warehouse Load(string name)
    {
        var warehouse = Warehouse.Open(_dir.File(name), _time);
        var ingestor = new Ingestor(warehouse, _time);
        foreach (var (kind, file) in Sample)
        {
            Assert.Equal("loaded", ingestor.Ingest(Path.Combine(RepositoryRoot(), "sample-data", file), new IngestRequest(kind)).Status);
        }
        return warehouse;
    }

    private IReadOnlyList<RefreshStep> Refresh(Warehouse warehouse) =>
        new RefreshService(warehouse, DerivedTables.All(SupportLensSettings.Default, _time), _time).Run();

    private void Ingest(Warehouse warehouse, IReadOnlyList<(IngestKind Kind, string Path)> files)
    {
        var ingestor = new Ingestor(warehouse, _time);
        foreach (var (kind, path) in files)
        {
            var report = ingestor.Ingest(path, new IngestRequest(kind));
            Assert.Equal("loaded", report.Status);
            Assert.Equal(0, report.RowsRejected);
        }
    }

    /// <summary>The small files, made against the loaded sample's tickets horizon (the same files for both warehouses).</summary>
    private List<(IngestKind, string)> SmallFiles(Warehouse warehouse)
    {
        Instant horizon;
        string reopened;
        using (var connection = warehouse.OpenConnection())
        {
            horizon = DataHorizons.Read(connection).Tickets ?? throw new InvalidOperationException("no tickets horizon");
            using var open = connection.CreateCommand("""
                SELECT concat_ws(',', ticket_id, client_id, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ'), channel, priority)
                FROM tickets WHERE status IN ('open', 'new') ORDER BY created_at DESC, ticket_id LIMIT 1
                """);
            reopened = open.ExecuteScalar<string>();
        }
        string At(Duration offset) => horizon.Plus(offset).ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var hours = Duration.FromHours(1);
        var days = Duration.FromDays(1);
        var tickets = new StringBuilder("ticket_id,client_id,created_at,channel,priority,status,category,support_level,agent_id," +
            "first_response_at,solved_at,closed_at,updated_at,agent_replies,reopens,escalated\n");
        // Past the horizon: the next hours' tickets, one of them urgent and still open.
        for (var i = 0; i < 5; i++)
        {
            var created = Duration.FromMinutes(20 * (i + 1));
            tickets.Append(CultureInfo.InvariantCulture,
                $"X-{i},C-{3 + 7 * i:000},{At(created)},chat,normal,solved,how-to,1,A-002,{At(created + Duration.FromMinutes(2))},{At(created + hours)},,{At(created + hours)},1,0,false\n");
        }
        tickets.Append(CultureInfo.InvariantCulture, $"X-5,C-012,{At(Duration.FromMinutes(30))},phone,urgent,open,outage,2,A-004,,,,{At(Duration.FromMinutes(30))},0,0,true\n");
        // Late: created weeks before the horizon, exported only now (one reopened, one escalated).
        tickets.Append(CultureInfo.InvariantCulture, $"X-6,C-005,{At(-20 * days)},email,high,closed,billing,2,A-003,{At(-20 * days + hours)},{At(-19 * days)},{At(-15 * days)},{At(-15 * days)},3,1,true\n");
        tickets.Append(CultureInfo.InvariantCulture, $"X-7,C-005,{At(-40 * days)},web,low,solved,how-to,1,A-001,{At(-40 * days + 5 * hours)},{At(-39 * days)},,{At(-39 * days)},1,0,false\n");
        tickets.Append(CultureInfo.InvariantCulture, $"X-8,C-021,{At(-3 * days)},email,normal,solved,account,1,A-002,{At(-3 * days + hours)},{At(-2 * days)},,{At(-2 * days)},2,0,true\n");
        // An open ticket re-sent solved.
        tickets.Append(CultureInfo.InvariantCulture, $"{reopened},solved,how-to,1,A-002,{At(-2 * hours)},{At(-hours)},,{At(-hours)},1,0,false\n");

        var csat = new StringBuilder("response_id,ticket_id,client_id,responded_at,score,comment\n")
            .Append(CultureInfo.InvariantCulture, $"XS-1,X-6,C-005,{At(-18 * days)},1,slow\n")
            .Append(CultureInfo.InvariantCulture, $"XS-2,X-0,C-003,{At(2 * hours)},5,\n");
        var nps = new StringBuilder("response_id,client_id,respondent,responded_at,score,comment\n")
            .Append(CultureInfo.InvariantCulture, $"XN-1,C-005,C-005-U99,{At(-10 * days)},2,\n");
        var incidents = new StringBuilder("incident_id,severity,title,component,started_at,acknowledged_at,first_update_at,resolved_at,affected_clients\n")
            .Append(CultureInfo.InvariantCulture, $"XINC-1,2,Chat widget down,chat,{At(-5 * days)},{At(-5 * days + hours)},{At(-5 * days + hours)},{At(-4 * days)},C-021\n");
        var files = new List<(IngestKind, string)>();
        foreach (var (kind, name, text) in new[] { (IngestKind.Tickets, "tickets.csv", tickets), (IngestKind.Csat, "csat.csv", csat), (IngestKind.Nps, "nps.csv", nps), (IngestKind.Incidents, "incidents.csv", incidents) })
        {
            var path = _dir.File("small-" + name);
            File.WriteAllText(path, text.ToString());
            files.Add((kind, path));
        }
        return files;
    }

    private static List<string> Rows(Warehouse warehouse, string sql)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand(sql + " ORDER BY ALL");
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(v => v switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v?.ToString() ?? "NULL",
            })));
        }
        return rows;
    }

    private static string Difference(List<string> expected, List<string> actual)
    {
        var missing = expected.Except(actual).Take(3).ToList();
        var extra = actual.Except(expected).Take(3).ToList();
        return $"{expected.Count} rows rebuilt, {actual.Count} incremental; only rebuilt: [{string.Join("; ", missing)}]; only incremental: [{string.Join("; ", extra)}]";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportLens.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (SupportLens.slnx) is not above " + AppContext.BaseDirectory);
    }
}
