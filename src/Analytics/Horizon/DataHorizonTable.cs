using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Horizon;

/// <summary>
/// Keeps <c>data_horizon</c>: per kind and source, the newest instant its rows mention (capped at the wall clock, so a
/// row dated in the future does not make every open ticket look on time forever).
/// </summary>
public sealed class DataHorizonTable(TimeProvider time) : IDerivedTable
{
    public const string TableName = "data-horizon";

    public string Name => TableName;

    public bool IsStale(WarehouseConnection connection) =>
        DerivedState.Get(connection, Name) != DerivedState.DataStamp(connection);

    public long Refresh(WarehouseConnection connection)
    {
        var now = time.GetUtcNow();
        using var transaction = connection.BeginTransaction();
        var stamp = DerivedState.DataStamp(connection);
        using (var command = connection.CreateCommand("""
            DELETE FROM data_horizon;
            INSERT INTO data_horizon
            SELECT kind, source, least(max(instant), $now), $now FROM (
                SELECT 'tickets' AS kind, source, greatest(created_at, updated_at, first_response_at, solved_at, closed_at) AS instant FROM tickets
                UNION ALL SELECT 'tickets', source, occurred_at FROM ticket_events
                UNION ALL SELECT 'incidents', source, greatest(started_at, acknowledged_at, first_update_at, resolved_at, updated_at) FROM incidents
                UNION ALL SELECT 'checks', source, checked_at FROM checks
                UNION ALL SELECT 'csat', source, greatest(responded_at, updated_at) FROM csat_responses
                UNION ALL SELECT 'nps', source, greatest(responded_at, updated_at) FROM nps_responses)
            WHERE instant IS NOT NULL
            GROUP BY kind, source
            """))
        {
            command.Parameters.Add("now", now);
            command.ExecuteNonQuery();
        }
        DerivedState.Set(connection, Name, stamp, now);
        using var count = connection.CreateCommand("SELECT count(*) FROM data_horizon");
        var rows = count.ExecuteScalar<long>();
        transaction.Commit();
        return rows;
    }
}
