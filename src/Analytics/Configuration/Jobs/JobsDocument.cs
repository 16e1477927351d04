namespace SupportLens.Analytics.Configuration.Jobs;

// The JSON shape of the "jobs" section (snake_case keys); nullable so that SettingsBinder names a missing key.

internal sealed class JobsDocument
{
    public bool? Enabled { get; set; }

    public string? TimeZone { get; set; }

    public JobSchedulesDocument? Schedules { get; set; }

    public int? CatchUpMaxPeriods { get; set; }

    public JobRetryDocument? Retry { get; set; }

    public JobStorageDocument? Storage { get; set; }

    public SmtpDocument? Smtp { get; set; }

    public RecipientsDocument? Recipients { get; set; }
}

internal sealed class JobSchedulesDocument
{
    public string? Refresh { get; set; }

    public string? WeeklyQuality { get; set; }

    public string? MonthlyReports { get; set; }
}

internal sealed class JobRetryDocument
{
    public string? FirstDelay { get; set; }

    public string? MaxDelay { get; set; }
}

internal sealed class JobStorageDocument
{
    /// <summary>"sqlite" or "postgresql".</summary>
    public string? Kind { get; set; }

    public string? ConnectionStringEnv { get; set; }
}

internal sealed class SmtpDocument
{
    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary>"auto", "none", "starttls" or "ssl".</summary>
    public string? Tls { get; set; }

    public string? User { get; set; }

    public string? PasswordEnv { get; set; }

    public string? From { get; set; }
}

internal sealed class RecipientsDocument
{
    public List<string>? Executives { get; set; }

    public List<string>? Qa { get; set; }

    public Dictionary<string, string>? SuccessManagers { get; set; }
}
