using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Refresh;

/// <summary>
/// One text that changes whenever anything a report reads may have changed: a loaded ingest batch, or a refresh of a
/// derived table. Answers worked out under one version stay valid until it moves; it costs one small query.
/// </summary>
public static class DataVersion
{
    public static string Read(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("""
            SELECT concat_ws('|',
                (SELECT concat_ws('/', count(*), coalesce(max(batch_id), 0)) FROM ingest_batches WHERE status = 'loaded'),
                (SELECT coalesce(max(refreshed_at)::VARCHAR, '-') FROM derived_state),
                (SELECT coalesce(max(refreshed_at)::VARCHAR, '-') FROM sla_ledger_state),
                (SELECT coalesce(max(refreshed_at)::VARCHAR, '-') FROM data_horizon))
            """);
        return command.ExecuteScalar<string>();
    }
}
