using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Sla;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Sla;

public sealed class SlaLedgerTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SlaLedger _ledger;

    public SlaLedgerTests()
    {
        _connection = _warehouse.OpenConnection();
        _connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier) VALUES ('B', 'generic', 'Bolt', 'business');
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, first_response_at, solved_at, updated_at) VALUES
                ('g', 'done', 'B', '2026-06-01T08:00:00Z', 'email', 'normal', 'solved', '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z', '2026-06-01T10:00:00Z'),
                ('g', 'waiting', 'B', '2026-06-01T09:00:00Z', 'email', 'normal', 'pending', '2026-06-01T09:30:00Z', NULL, '2026-06-01T10:00:00Z');
            INSERT INTO ticket_events (source, ticket_id, occurred_at, event, value) VALUES
                ('g', 'waiting', '2026-06-01T10:00:00Z', 'status', 'pending');
            """);
        _ledger = new SlaLedger(new SlaClock(SupportLensSettings.Default.SlaPolicies), _time);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    private T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand(sql);
        return command.ExecuteScalar<T>();
    }

    private void MoveHorizon(DateTimeOffset horizon)
    {
        using var command = _connection.CreateCommand("""
            INSERT OR REPLACE INTO data_horizon VALUES ('tickets', 'g', $horizon, $horizon)
            """);
        command.Parameters.Add("horizon", horizon);
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Evaluates_new_tickets_once_and_open_ones_again_when_their_horizon_moves()
    {
        MoveHorizon(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, _ledger.Refresh(_connection));
        Assert.Equal(2L, Scalar<long>("SELECT count(*) FROM ticket_sla"));
        // Nothing moved: nothing to do, whatever the wall clock says.
        _time.Now = _time.Now.AddDays(30);
        Assert.Equal(0, _ledger.Refresh(_connection));
        // The data reaches further: only the open (paused) ticket is judged again.
        MoveHorizon(new DateTimeOffset(2026, 6, 1, 13, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, _ledger.Refresh(_connection));
        Assert.True(Scalar<bool>("SELECT resolution_paused FROM ticket_sla WHERE ticket_id = 'waiting'"));
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 13, 0, 0, TimeSpan.Zero), Scalar<DateTimeOffset>("SELECT evaluated_at FROM ticket_sla WHERE ticket_id = 'waiting'"));
    }

    [Fact]
    public void A_paused_ticket_deadline_moves_out_with_the_data_horizon_not_the_clock()
    {
        MoveHorizon(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        _ledger.Refresh(_connection);
        var before = Scalar<DateTimeOffset>("SELECT resolution_due FROM ticket_sla WHERE ticket_id = 'waiting'");
        // Business tier, 24x7, 8 h: 1 h ran before the pause at 10:00; as of the 12:00 horizon the projection is 12:00 + 7 h.
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 19, 0, 0, TimeSpan.Zero), before);
        _time.Now = _time.Now.AddHours(3);
        _ledger.Refresh(_connection);
        Assert.Equal(before, Scalar<DateTimeOffset>("SELECT resolution_due FROM ticket_sla WHERE ticket_id = 'waiting'"));
        MoveHorizon(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero));
        _ledger.Refresh(_connection);
        Assert.Equal(before.AddHours(3), Scalar<DateTimeOffset>("SELECT resolution_due FROM ticket_sla WHERE ticket_id = 'waiting'"));
    }

    [Fact]
    public void An_updated_ticket_is_evaluated_again()
    {
        _ledger.Refresh(_connection);
        _connection.ExecuteNonQuery("""
            UPDATE tickets SET status = 'solved', solved_at = '2026-06-01T11:00:00Z', updated_at = '2026-06-01T11:00:00Z' WHERE ticket_id = 'waiting';
            DELETE FROM ticket_events;
            """);
        Assert.Equal(1, _ledger.Refresh(_connection));
        Assert.Equal(0, _ledger.Refresh(_connection));
        // 09:00 to 11:00 on a 24x7 calendar, no pauses left: 120 business minutes.
        Assert.Equal(120.0, Scalar<double>("SELECT resolution_business_min FROM ticket_sla WHERE ticket_id = 'waiting'"));
    }

    [Fact]
    public void Refresh_if_stale_skips_work_when_nothing_changed()
    {
        _connection.ExecuteNonQuery("DELETE FROM ticket_events; UPDATE tickets SET status = 'open'");
        Assert.Equal(2, _ledger.RefreshIfStale(_connection));
        Assert.Equal(0, _ledger.RefreshIfStale(_connection));
        _connection.ExecuteNonQuery("""
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, updated_at)
            VALUES ('g', 'new', 'B', '2026-06-01T11:00:00Z', 'chat', 'open', '2026-06-01T11:00:00Z')
            """);
        Assert.Equal(1, _ledger.RefreshIfStale(_connection));
        Assert.Equal(0, _ledger.RefreshIfStale(_connection));
    }
}
