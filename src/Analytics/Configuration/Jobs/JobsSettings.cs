using System.Collections.Immutable;
using NodaTime;

namespace SupportLens.Analytics.Configuration.Jobs;

/// <summary>
/// The <c>jobs</c> section: when the scheduled jobs run, where their state lives, how mail leaves and who receives
/// which report (README "Jobs and delivery").
/// </summary>
/// <param name="Enabled">False: this process runs no scheduled jobs (a dashboards-only node); `jobs run` still works.</param>
/// <param name="TimeZone">The zone the cron expressions are read in (NodaTime and the system's own, for the scheduler).</param>
/// <param name="CatchUpMaxPeriods">How many missed report periods per job are caught up at start, newest first.</param>
public sealed record JobsSettings(
    bool Enabled,
    DateTimeZone TimeZone,
    TimeZoneInfo SystemTimeZone,
    JobSchedules Schedules,
    int CatchUpMaxPeriods,
    JobRetry Retry,
    JobStorageSettings Storage,
    SmtpSettings Smtp,
    RecipientLists Recipients);

/// <summary>Cron expressions (5 fields, or 6 with seconds first) per job, in <see cref="JobsSettings.TimeZone"/>.</summary>
public sealed record JobSchedules(string Refresh, string WeeklyQuality, string MonthlyReports);

/// <summary>A failed run is tried again after <see cref="FirstDelay"/>, then twice as long each time, never longer than <see cref="MaxDelay"/>.</summary>
public sealed record JobRetry(TimeSpan FirstDelay, TimeSpan MaxDelay);

public enum JobStorageKind
{
    /// <summary>DATA/jobs.db: one machine (the server and CLI runs on it share the file).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several nodes (and Hangfire's own state with it).</summary>
    Postgresql,
}

/// <param name="ConnectionStringVariable">The environment variable holding the PostgreSQL connection string (never the file).</param>
public sealed record JobStorageSettings(JobStorageKind Kind, string ConnectionStringVariable);

public enum SmtpTls
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <param name="Host">Empty: no SMTP; messages are written as .eml files to DATA/outbox.</param>
/// <param name="User">Empty: no authentication.</param>
/// <param name="PasswordVariable">The environment variable holding the SMTP password.</param>
/// <param name="From">The sender, e.g. "SupportLens &lt;reports@example.com&gt;".</param>
public sealed record SmtpSettings(string Host, int Port, SmtpTls Tls, string User, string PasswordVariable, string From)
{
    public bool IsConfigured => Host.Length > 0;
}

/// <summary>Configured recipients, added to the users who have an email and the matching role.</summary>
/// <param name="SuccessManagers">Success manager name (as the clients export spells it) to email address.</param>
public sealed record RecipientLists(
    ImmutableArray<string> Executives,
    ImmutableArray<string> Qa,
    ImmutableDictionary<string, string> SuccessManagers);
