using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>
/// A hand-built March 2026 (America/New_York: 2026-03-01T05:00Z to 2026-04-01T04:00Z) for the queries reports need
/// beyond the metrics. Both clients' tiers run on the 24×7 calendar, so deadlines are plain sums:
/// enterprise E first response 1 h, resolution 4 h; business B 2 h and 8 h. The tickets' horizon is 2026-04-01T13:00Z
/// (T5's solve), which is when the open T4 is judged.
/// </summary>
internal sealed class ReportQueryHistory : IDisposable
{
    public ReportQueryHistory()
    {
        Warehouse = Warehouse.InMemory(TimeProvider.System);
        using (var connection = Warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO clients (client_id, source, name, tier) VALUES ('E', 'generic', 'Echo', 'enterprise'), ('B', 'generic', 'Bravo', 'business');
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, first_response_at, solved_at, agent_replies, reopens, escalated) VALUES
                    -- Mon 2 Mar 09:00 EST. FR due 15:00Z, met 14:30Z; resolution due 18:00Z, met 17:00Z.
                    ('g', 'T1', 'E', '2026-03-02T14:00:00Z', 'email', 'urgent', 'solved', '2026-03-02T14:30:00Z', '2026-03-02T17:00:00Z', 1, 0, false),
                    -- Tue 3 Mar 05:00 EST. FR due 11:00Z, done 12:00Z: 1 h over; resolution due 14:00Z, done 20:00Z: 6 h over.
                    ('g', 'T2', 'E', '2026-03-03T10:00:00Z', 'chat', 'high', 'solved', '2026-03-03T12:00:00Z', '2026-03-03T20:00:00Z', 3, 0, true),
                    -- Wed 4 Mar 05:00 EST. FR due 12:00Z, met 11:00Z; resolution due 18:00Z, done 20:00Z: 2 h over.
                    ('g', 'T3', 'B', '2026-03-04T10:00:00Z', 'email', 'normal', 'solved', '2026-03-04T11:00:00Z', '2026-03-04T20:00:00Z', 2, 0, false),
                    -- Tue 31 Mar 16:00 EDT, open and escalated. FR due 22:00Z: 15 h over at the horizon; resolution due
                    -- 2026-04-01T04:00Z: 9 h over.
                    ('g', 'T4', 'B', '2026-03-31T20:00:00Z', 'phone', 'normal', 'open', NULL, NULL, 0, 0, true),
                    -- April: sets the horizon (13:00Z).
                    ('g', 'T5', 'B', '2026-04-01T12:00:00Z', 'web', 'low', 'solved', NULL, '2026-04-01T13:00:00Z', 0, 0, false),
                    -- February, escalated, solved 2026-04-01T10:00Z: open at the end of March, not at the horizon.
                    ('g', 'T6', 'E', '2026-02-27T15:00:00Z', 'email', 'normal', 'solved', '2026-02-27T15:10:00Z', '2026-04-01T10:00:00Z', 4, 0, true);
                """);
        }

        var time = new FixedTime(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero));
        new RefreshService(Warehouse, DerivedTables.All(SupportLensSettings.Default, time), time).Run();
    }

    public Warehouse Warehouse { get; }

    public void Dispose() => Warehouse.Dispose();
}
