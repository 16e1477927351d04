using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>The ingest_batches and quarantine tables: one batch per file attempt, with its counts and rejected rows.</summary>
internal static class BatchLog
{
    public static long Start(WarehouseConnection connection, string kind, string profile, string file, string sha256, DateTimeOffset startedAt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nextval('ingest_batch_ids')";
        var id = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "INSERT INTO ingest_batches (batch_id, kind, profile, file, sha256, started_at, status) VALUES ($id, $kind, $profile, $file, $sha, $started, 'running')";
        command.Parameters.Add("id", id);
        command.Parameters.Add("kind", kind);
        command.Parameters.Add("profile", profile);
        command.Parameters.Add("file", file);
        command.Parameters.Add("sha", sha256);
        command.Parameters.Add("started", startedAt);
        command.ExecuteNonQuery();
        return id;
    }

    public static void Finish(
        WarehouseConnection connection, long batchId, string status, long read, long loaded, long rejected, long filtered, DateTimeOffset finishedAt, long durationMs, string? message)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE ingest_batches SET status = $status, rows_read = $read, rows_loaded = $loaded, rows_rejected = $rejected, rows_filtered = {filtered}, " +
                              "finished_at = $finished, duration_ms = $duration, message = $message WHERE batch_id = $id";
        command.Parameters.Add("status", status);
        command.Parameters.Add("read", read);
        command.Parameters.Add("loaded", loaded);
        command.Parameters.Add("rejected", rejected);
        command.Parameters.Add("finished", finishedAt);
        command.Parameters.Add("duration", durationMs);
        command.Parameters.Add("message", message);
        command.Parameters.Add("id", batchId);
        command.ExecuteNonQuery();
    }

    public static List<IngestError> Errors(WarehouseConnection connection, long batchId, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT line, column_name, value, reason FROM quarantine WHERE batch_id = $id ORDER BY line, column_name NULLS FIRST LIMIT $limit";
        command.Parameters.Add("id", batchId);
        command.Parameters.Add("limit", limit);
        using var reader = command.ExecuteReader();
        var errors = new List<IngestError>();
        while (reader.Read())
        {
            errors.Add(new IngestError(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }
        return errors;
    }

    public static List<IngestBatch> List(WarehouseConnection connection, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT batch_id, kind, profile, file, sha256, started_at, duration_ms, rows_read, rows_loaded, rows_rejected, status, message, rows_filtered " +
                              "FROM ingest_batches ORDER BY batch_id DESC LIMIT $limit";
        command.Parameters.Add("limit", limit);
        using var reader = command.ExecuteReader();
        var batches = new List<IngestBatch>();
        while (reader.Read())
        {
            batches.Add(new IngestBatch(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11))
            {
                RowsFiltered = reader.GetInt64(12),
            });
        }
        batches.Reverse();
        return batches;
    }

    public static bool Exists(WarehouseConnection connection, long batchId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ingest_batches WHERE batch_id = $id";
        command.Parameters.Add("id", batchId);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public static void AddErrors(WarehouseConnection connection, long batchId, IEnumerable<IngestError> errors)
    {
        using var appender = connection.CreateAppender("quarantine");
        foreach (var e in errors)
        {
            appender.Append(batchId).Append(e.Line).Append(e.Column).Append(e.Value).Append(e.Reason).EndRow();
        }
        appender.Complete();
    }
}
