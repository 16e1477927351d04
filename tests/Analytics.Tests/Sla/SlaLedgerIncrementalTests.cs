using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>
/// After its first refresh the ledger evaluates the tickets written since (by batch id), the open ones when their
/// horizon moved, and the tickets of clients written since; the ledger it keeps is the one a full evaluation gives.
/// </summary>
public sealed class SlaLedgerIncrementalTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;
    private readonly FixedTime _time = new(Day.AddDays(60));
    private readonly SlaLedger _ledger;
    private readonly DataHorizonTable _horizons;

    public SlaLedgerIncrementalTests()
    {
        _connection = _warehouse.OpenConnection();
        _ledger = new SlaLedger(new SlaClock(SupportLensSettings.Default.SlaPolicies), _time);
        _horizons = new DataHorizonTable(_time);
        Batch(1);
        _connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier, batch_id) VALUES ('B', 'generic', 'Bolt', 'business', 1), ('S', 'generic', 'Small', 'starter', 1);
            """);
        // Ten tickets over the day, every other one still open.
        for (var i = 0; i < 10; i++)
        {
            Ticket(1, $"T{i}", i % 2 == 0 ? "B" : "S", Day.AddHours(i), solved: i % 2 == 0);
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    [Fact]
    public void Only_tickets_written_since_are_evaluated_while_the_horizon_stays()
    {
        Assert.Equal(10, Refresh());
        Assert.Equal(0, Refresh());
        // Batch 2: one new ticket within the day (the horizon stays), one update of a stored open ticket.
        Batch(2);
        Ticket(2, "T10", "B", Day.AddHours(3), solved: true);
        Execute("UPDATE tickets SET status = 'solved', solved_at = $at, updated_at = $at, batch_id = 2 WHERE ticket_id = 'T1'", Day.AddHours(5));
        Assert.Equal(2, Refresh());
        var kept = Ledger();
        Assert.Equal(FullLedger(), kept);
    }

    [Fact]
    public void When_the_horizon_moves_the_open_tickets_are_judged_again()
    {
        Refresh();
        // A ticket two days later moves the horizon: the 5 open tickets are judged as of it, with the new one.
        Batch(2);
        Ticket(2, "T10", "B", Day.AddDays(2), solved: false);
        Assert.Equal(6, Refresh());
        var kept = Ledger();
        Assert.Equal(FullLedger(), kept);
    }

    [Fact]
    public void A_client_written_since_has_its_tickets_judged_again()
    {
        Refresh();
        var before = Text("SELECT ticket_id, first_response_due FROM ticket_sla WHERE client_id = 'S'");
        // Small moves from starter (business hours) to enterprise: its 5 tickets get new deadlines.
        Batch(2);
        _connection.ExecuteNonQuery("UPDATE clients SET tier = 'enterprise', batch_id = 2 WHERE client_id = 'S'");
        Assert.Equal(5, Refresh());
        Assert.NotEqual(before, Text("SELECT ticket_id, first_response_due FROM ticket_sla WHERE client_id = 'S'"));
        var kept = Ledger();
        Assert.Equal(FullLedger(), kept);
    }

    private int Refresh()
    {
        _horizons.Refresh(_connection);
        return _ledger.Refresh(_connection);
    }

    private void Ticket(long batch, string id, string client, DateTimeOffset created, bool solved)
    {
        using var command = _connection.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, first_response_at, solved_at, updated_at, batch_id)
            VALUES ('g', '{id}', '{client}', $created, 'email', {(solved ? "'solved'" : "'open'")}, $answered, $solved, $updated, {batch})
            """));
        command.Parameters.Add("created", created).Add("answered", created.AddMinutes(30))
            .Add("solved", solved ? created.AddHours(2) : null).Add("updated", solved ? created.AddHours(2) : created.AddMinutes(30));
        command.ExecuteNonQuery();
    }

    private void Batch(long id) => Execute(string.Create(CultureInfo.InvariantCulture,
        $"INSERT INTO ingest_batches (batch_id, kind, profile, file, sha256, started_at, status) VALUES ({id}, 'tickets', 'generic', 'f.csv', 'x', $at, 'loaded')"), Day);

    private void Execute(string sql, DateTimeOffset at)
    {
        using var command = _connection.CreateCommand(sql);
        command.Parameters.Add("at", at);
        command.ExecuteNonQuery();
    }

    // What a ticket's evaluation says; when it was evaluated matters only while it is open (it is judged as of then).
    private const string LedgerRows = """
        SELECT ticket_id, client_id, first_response_due, first_response_done_at, first_response_business_min, resolution_due,
               resolution_done_at, resolution_business_min, resolution_paused,
               CASE WHEN first_response_done_at IS NULL OR resolution_done_at IS NULL THEN evaluated_at END
        FROM ticket_sla
        """;

    private string Ledger() => Text(LedgerRows);

    /// <summary>The ledger a full evaluation of every ticket gives (it replaces the one kept: call it last).</summary>
    private string FullLedger()
    {
        _connection.ExecuteNonQuery("DELETE FROM ticket_sla; DELETE FROM sla_ledger_state");
        DerivedState.ClearMark(_connection, _ledger.Name);
        _ledger.Refresh(_connection);
        return Text(LedgerRows);
    }

    private string Text(string sql)
    {
        using var command = _connection.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }
}
