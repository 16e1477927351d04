using System.Data.Common;

namespace SupportLens.Web.Jobs.Ledger;

/// <summary>
/// Every run of every job, in the job storage so that all processes see the same history: what started when, where,
/// how it ended, what it wrote and when a failed one is tried again. The planner reads it to decide what is due.
/// </summary>
internal sealed class RunLedger(JobDatabase database, TimeProvider time)
{
    private const string Columns =
        "run_id, job, period, reason, node, attempt, status, started_at, finished_at, error, summary, outputs, rendered, sent, failed, next_attempt_at";

    /// <summary>When this job's schedule was first registered; occurrences before it are not "missed".</summary>
    public DateTimeOffset ScheduleSince(string job)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO supportlens_job_schedules (job, since) VALUES (@job, @now) ON CONFLICT (job) DO NOTHING",
            ("job", job), ("now", Db.Millis(time.GetUtcNow())));
        return Db.Instant(Convert.ToInt64(connection.Scalar("SELECT since FROM supportlens_job_schedules WHERE job = @job", ("job", job))));
    }

    public long Start(string job, string period, string reason, string node, int attempt)
    {
        using var connection = database.Open();
        return Convert.ToInt64(connection.Scalar(
            "INSERT INTO supportlens_job_runs (job, period, reason, node, attempt, status, started_at) " +
            "VALUES (@job, @period, @reason, @node, @attempt, 'running', @now) RETURNING run_id",
            ("job", job), ("period", period), ("reason", reason), ("node", node), ("attempt", (long)attempt), ("now", Db.Millis(time.GetUtcNow()))));
    }

    /// <summary>Records that the run's reports exist and its deliveries are planned.</summary>
    public void Rendered(long runId, IReadOnlyList<string> outputs)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE supportlens_job_runs SET rendered = 1, outputs = @outputs WHERE run_id = @id",
            ("outputs", string.Join('\n', outputs)), ("id", runId));
    }

    public void Succeed(long runId, string summary, int sent) => Finish(runId, RunStatus.Succeeded, null, summary, sent, 0, null);

    public void Fail(long runId, string error, string? summary, int sent, int failed, DateTimeOffset? nextAttemptAt) =>
        Finish(runId, RunStatus.Failed, error, summary, sent, failed, nextAttemptAt);

    /// <summary>Closes a run whose process is gone; it is due again at once.</summary>
    public void Interrupt(long runId, string note)
    {
        using var connection = database.Open();
        connection.Execute(
            "UPDATE supportlens_job_runs SET status = 'interrupted', error = @note, finished_at = @now, next_attempt_at = @now " +
            "WHERE run_id = @id AND status = 'running'",
            ("note", note), ("now", Db.Millis(time.GetUtcNow())), ("id", runId));
    }

    /// <summary>The latest run of each of <paramref name="periods"/> that has one.</summary>
    public IReadOnlyDictionary<string, JobRun> LatestByPeriod(string job, IReadOnlyCollection<string> periods)
    {
        if (periods.Count == 0)
        {
            return new Dictionary<string, JobRun>();
        }

        using var connection = database.Open();
        var names = periods.Select((_, i) => $"@p{i}").ToArray();
        var parameters = periods.Select((p, i) => ($"p{i}", (object?)p)).Append(("job", job)).ToArray();
        return connection.Query(
                $"SELECT {Columns} FROM supportlens_job_runs WHERE run_id IN (SELECT max(run_id) FROM supportlens_job_runs " +
                $"WHERE job = @job AND period IN ({string.Join(", ", names)}) GROUP BY period)", Read, parameters)
            .ToDictionary(r => r.Period);
    }

    /// <summary>The periods whose latest run did not succeed (failed, interrupted, or left running), oldest first.</summary>
    public IReadOnlyList<string> OpenPeriods(string job)
    {
        using var connection = database.Open();
        return connection.Query(
            "SELECT period FROM supportlens_job_runs WHERE run_id IN (SELECT max(run_id) FROM supportlens_job_runs WHERE job = @job GROUP BY period) " +
            "AND status <> 'succeeded' ORDER BY run_id", r => r.GetString(0), ("job", job));
    }

    public JobRun? Latest(string job, string period) => LatestByPeriod(job, [period]).GetValueOrDefault(period);

    /// <summary>The newest runs first, all jobs or one.</summary>
    public IReadOnlyList<JobRun> Recent(int limit, string? job = null)
    {
        using var connection = database.Open();
        return connection.Query(
            $"SELECT {Columns} FROM supportlens_job_runs WHERE (@job = '' OR job = @job) ORDER BY run_id DESC LIMIT @limit", Read,
            ("job", job ?? string.Empty), ("limit", (long)limit));
    }

    private void Finish(long runId, RunStatus status, string? error, string? summary, int sent, int failed, DateTimeOffset? next)
    {
        using var connection = database.Open();
        connection.Execute(
            "UPDATE supportlens_job_runs SET status = @status, error = @error, summary = @summary, sent = @sent, failed = @failed, " +
            "finished_at = @now, next_attempt_at = @next WHERE run_id = @id",
            ("status", Name(status)), ("error", error), ("summary", summary), ("sent", (long)sent), ("failed", (long)failed),
            ("now", Db.Millis(time.GetUtcNow())), ("next", next is { } n ? Db.Millis(n) : null), ("id", runId));
    }

    internal static string Name(RunStatus status) => status.ToString().ToLowerInvariant();

    private static JobRun Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), (int)r.GetInt64(5),
        Enum.Parse<RunStatus>(r.GetString(6), ignoreCase: true), Db.Instant(r.GetInt64(7)), r.NullableInstant(8), r.NullableString(9),
        r.NullableString(10), r.NullableString(11) is { Length: > 0 } outputs ? outputs.Split('\n') : [], r.GetInt64(12) != 0,
        (int)r.GetInt64(13), (int)r.GetInt64(14), r.NullableInstant(15));
}
