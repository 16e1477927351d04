using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Archive;

/// <summary>One rendering of a report: what, for which period and client, where the PDF went, and how it ended.</summary>
/// <param name="Report">The report kind, e.g. "executive" or "client-health".</param>
/// <param name="Period">The month, "YYYY-MM".</param>
/// <param name="Status">"running", "succeeded" or "failed".</param>
public sealed record ReportRun(
    long RunId,
    string Report,
    string Period,
    string? ClientId,
    string? Path,
    int? Pages,
    long? Bytes,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string? Message);

/// <summary>
/// The <c>report_runs</c> ledger: every report written, so the dashboards' archive can list and serve them. Writing a
/// report's run is the one write a report makes besides its PDF (it never touches derived tables).
/// </summary>
public sealed class ReportArchive(Warehouse warehouse, TimeProvider time)
{
    /// <summary>Records that a report started; returns its run id.</summary>
    public long Started(string report, string period, string? clientId)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("""
            INSERT INTO report_runs (report, period, client_id, started_at, status)
            VALUES ($report, $period, $client, $started, 'running')
            RETURNING run_id
            """);
        command.Parameters.Add("report", report).Add("period", period).Add("client", clientId).Add("started", time.GetUtcNow());
        return command.ExecuteScalar<long>();
    }

    public void Succeeded(long runId, string path, int pages, long bytes)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("""
            UPDATE report_runs SET status = 'succeeded', path = $path, pages = $pages, bytes = $bytes, finished_at = $finished
            WHERE run_id = $run
            """);
        command.Parameters.Add("path", path).Add("pages", pages).Add("bytes", bytes).Add("finished", time.GetUtcNow()).Add("run", runId);
        command.ExecuteNonQuery();
    }

    public void Failed(long runId, string message)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("""
            UPDATE report_runs SET status = 'failed', message = $message, finished_at = $finished WHERE run_id = $run
            """);
        command.Parameters.Add("message", message).Add("finished", time.GetUtcNow()).Add("run", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs newest first, of one period (YYYY-MM) or of all.</summary>
    public IReadOnlyList<ReportRun> List(string? period = null, int limit = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"""
            SELECT run_id, report, period, client_id, path, pages, bytes, started_at, finished_at, status, message
            FROM report_runs
            WHERE $period::VARCHAR IS NULL OR period = $period::VARCHAR
            ORDER BY run_id DESC
            LIMIT {limit}
            """);
        command.Parameters.Add("period", period);
        using var reader = command.ExecuteReader();
        var runs = new List<ReportRun>();
        while (reader.Read())
        {
            runs.Add(new ReportRun(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetNullableInt64(6), reader.GetDateTimeOffset(7),
                reader.GetNullableDateTimeOffset(8), reader.GetString(9), reader.GetNullableString(10)));
        }
        return runs;
    }
}
