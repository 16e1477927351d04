using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>The ingest_batches and quarantine tables: one batch per file attempt, with its counts and rejected rows.</summary>
internal static class BatchLog
{
    /// <summary>The id of a new batch; its row is written by <see cref="Write"/> in the same transaction.</summary>
    public static long NextId(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("SELECT nextval('ingest_batch_ids')");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The batch's row, written whole once the outcome is known: within the file's transaction nobody else could see a
    /// 'running' row anyway. Through the appender (<paramref name="layout"/> is ingest_batches'), which costs a file less
    /// than an insert and an update would.
    /// </summary>
    public static void Write(WarehouseConnection connection, TableLayout layout, BatchEntry entry)
    {
        using var appender = connection.CreateAppender(layout);
        // By name, so that a column a later migration adds (nullable, or filled later) does not shift the others.
        foreach (var column in layout.ColumnNames)
        {
            _ = column switch
            {
                "batch_id" => appender.Append(entry.BatchId),
                "kind" => appender.Append(entry.Kind),
                "profile" => appender.Append(entry.Profile),
                "file" => appender.Append(entry.File),
                "sha256" => appender.Append(entry.Sha256),
                "started_at" => appender.Append(entry.StartedAt),
                "finished_at" => appender.Append(entry.FinishedAt),
                "duration_ms" => appender.Append(entry.DurationMs),
                "rows_read" => appender.Append(entry.Read),
                "rows_loaded" => appender.Append(entry.Loaded),
                "rows_rejected" => appender.Append(entry.Rejected),
                "rows_filtered" => appender.Append(entry.Filtered),
                "status" => appender.Append(entry.Status),
                "message" => appender.Append(entry.Message),
                _ => appender.AppendNull(),
            };
        }
        appender.EndRow();
        appender.Complete();
    }

    public const string Table = "ingest_batches";

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

/// <summary>One file attempt as ingest_batches records it.</summary>
internal sealed record BatchEntry(
    long BatchId, string Kind, string Profile, string File, string Sha256, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    long DurationMs, string Status, long Read, long Loaded, long Rejected, long Filtered, string? Message);
