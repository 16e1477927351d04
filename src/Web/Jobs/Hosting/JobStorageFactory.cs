using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using SupportLens.Analytics.Configuration.Jobs;
using SupportLens.Web.Composition;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Jobs.Hosting;

/// <summary>
/// The job storage the configuration asks for. Embedded default (sqlite): the ledgers in DATA/jobs.db and Hangfire's
/// queue in memory (Hangfire.Storage.SQLite 0.4.3 ran recurring jobs several times per occurrence and some jobs twice
/// across processes in our evaluation; every fact that must survive a restart is in our ledgers, and start-up catch-up
/// re-enqueues what is due). postgresql: the ledgers and Hangfire's schema in the database the connection string names,
/// so several nodes share one schedule.
/// </summary>
internal static class JobStorageFactory
{
    public static JobDatabase Ledgers(JobsSettings settings, SupportLensOptions options)
    {
        JobDatabase database = settings.Storage.Kind == JobStorageKind.Postgresql
            ? new PostgresJobDatabase(PostgresConnectionString(settings))
            : new SqliteJobDatabase(Path.Combine(options.DataDirectory, SqliteJobDatabase.FileName));
        database.EnsureSchema();
        return database;
    }

    public static JobStorage Hangfire(JobsSettings settings) => settings.Storage.Kind == JobStorageKind.Postgresql
        ? new PostgreSqlStorage(new NpgsqlConnectionFactory(PostgresConnectionString(settings), PostgresOptions), PostgresOptions)
        : new InMemoryStorage(new InMemoryStorageOptions());

    private static PostgreSqlStorageOptions PostgresOptions { get; } = new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        // A node that dies mid-job gives the job back after this; our ledger's own lease (60 s) already frees the job's lock.
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
    };

    private static string PostgresConnectionString(JobsSettings settings) =>
        Environment.GetEnvironmentVariable(settings.Storage.ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new JobStorageUnavailableException(
                $"jobs.storage.kind is postgresql but the environment variable {settings.Storage.ConnectionStringVariable} " +
                "(jobs.storage.connection_string_env) holding its connection string is not set.");
}

/// <summary>The configured job storage cannot be used; the message says what to set.</summary>
internal sealed class JobStorageUnavailableException(string message) : Exception(message);
