using System.Data.Common;

namespace SupportLens.Web.Jobs.Ledger;

/// <summary>
/// Where the job layer keeps what must outlive a process and be shared by every process: the run ledger, the delivery
/// ledger, the schedules' start and the job locks. A SQLite file in DATA (one machine) or PostgreSQL (several nodes);
/// the SQL is the same for both, instants are Unix milliseconds.
/// </summary>
internal abstract class JobDatabase
{
    /// <summary>Where the ledgers are, for messages ("DATA/jobs.db", "PostgreSQL db@host").</summary>
    public abstract string Description { get; }

    /// <summary>A new open connection; the caller disposes it.</summary>
    public abstract DbConnection Open();

    /// <summary>The column definition of an auto-numbered primary key.</summary>
    protected abstract string IdentityColumn { get; }

    /// <summary>Serialises schema creation between processes that start together.</summary>
    protected abstract void LockSchema(DbConnection connection, DbTransaction transaction);

    /// <summary>Creates the tables when they are missing (idempotent, safe when several processes start at once).</summary>
    public void EnsureSchema()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        LockSchema(connection, transaction);
        foreach (var statement in JobSchema.Statements(IdentityColumn))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}

/// <summary>The ledgers' tables; every name starts with supportlens_ so they sit beside Hangfire's in one database.</summary>
internal static class JobSchema
{
    public static IEnumerable<string> Statements(string identity) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS supportlens_job_runs (
            run_id          {identity},
            job             TEXT NOT NULL,
            period          TEXT NOT NULL,
            reason          TEXT NOT NULL,
            node            TEXT NOT NULL,
            attempt         BIGINT NOT NULL,
            status          TEXT NOT NULL,
            started_at      BIGINT NOT NULL,
            finished_at     BIGINT,
            error           TEXT,
            summary         TEXT,
            outputs         TEXT,
            rendered        BIGINT NOT NULL DEFAULT 0,
            sent            BIGINT NOT NULL DEFAULT 0,
            failed          BIGINT NOT NULL DEFAULT 0,
            next_attempt_at BIGINT
        )
        """,
        "CREATE INDEX IF NOT EXISTS supportlens_job_runs_by_period ON supportlens_job_runs (job, period, run_id)",
        """
        CREATE TABLE IF NOT EXISTS supportlens_job_schedules (
            job   TEXT PRIMARY KEY,
            since BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS supportlens_deliveries (
            report     TEXT NOT NULL,
            period     TEXT NOT NULL,
            recipient  TEXT NOT NULL,
            job        TEXT NOT NULL,
            file       TEXT NOT NULL,
            subject    TEXT NOT NULL,
            message_id TEXT NOT NULL,
            status     TEXT NOT NULL,
            attempts   BIGINT NOT NULL DEFAULT 0,
            last_error TEXT,
            claimed_by TEXT,
            transport  TEXT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            sent_at    BIGINT,
            PRIMARY KEY (report, period, recipient)
        )
        """,
        "CREATE INDEX IF NOT EXISTS supportlens_deliveries_by_run ON supportlens_deliveries (job, period, status)",
        """
        CREATE TABLE IF NOT EXISTS supportlens_locks (
            resource    TEXT PRIMARY KEY,
            owner       TEXT NOT NULL,
            node        TEXT NOT NULL,
            liveness    TEXT,
            acquired_at BIGINT NOT NULL,
            expires_at  BIGINT NOT NULL
        )
        """,
    ];
}
