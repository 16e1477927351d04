using System.Collections.Immutable;
using System.Globalization;
using System.Net.Mail;
using Cronos;
using NodaTime;
using SupportLens.Analytics.Configuration.Jobs;

namespace SupportLens.Analytics.Configuration;

// The optional "jobs" section: schedules, storage, SMTP and recipient lists, with the same key-path errors as the rest;
// an absent key takes its default.
internal sealed partial class SettingsBinder
{
    private JobsSettings? BindJobs(string path, JobsDocument? given)
    {
        var jobs = WithDefaults(given);

        var enabled = Required($"{path}.enabled", jobs.Enabled);
        var zone = Zone($"{path}.time_zone", jobs.TimeZone);
        var systemZone = zone is null ? null : SystemZone($"{path}.time_zone", zone.Id);
        var schedules = BindSchedules($"{path}.schedules", jobs.Schedules);
        var catchUp = Required($"{path}.catch_up_max_periods", jobs.CatchUpMaxPeriods) is { } n && (n < 1 || n > 24)
            ? Invalid<int?>($"{path}.catch_up_max_periods", string.Create(CultureInfo.InvariantCulture, $"{n} is outside 1..24"))
            : jobs.CatchUpMaxPeriods;
        var retry = BindRetry($"{path}.retry", jobs.Retry);
        var storage = BindStorage($"{path}.storage", jobs.Storage);
        var smtp = BindSmtp($"{path}.smtp", jobs.Smtp);
        var recipients = BindRecipients($"{path}.recipients", jobs.Recipients);
        if (enabled is null || zone is null || systemZone is null || schedules is null || catchUp is null || retry is null
            || storage is null || smtp is null || recipients is null)
        {
            return null;
        }

        return new JobsSettings(enabled.Value, zone, systemZone, schedules, catchUp.Value, retry, storage, smtp, recipients);
    }

    /// <summary>The given section with every absent key (or the whole section) taken from the defaults.</summary>
    private static JobsDocument WithDefaults(JobsDocument? given)
    {
        var d = DefaultSettingsDocument.Jobs();
        if (given is null)
        {
            return d;
        }

        return new JobsDocument
        {
            Enabled = given.Enabled ?? d.Enabled,
            TimeZone = given.TimeZone ?? d.TimeZone,
            Schedules = new()
            {
                Refresh = given.Schedules?.Refresh ?? d.Schedules!.Refresh,
                WeeklyQuality = given.Schedules?.WeeklyQuality ?? d.Schedules!.WeeklyQuality,
                MonthlyReports = given.Schedules?.MonthlyReports ?? d.Schedules!.MonthlyReports,
            },
            CatchUpMaxPeriods = given.CatchUpMaxPeriods ?? d.CatchUpMaxPeriods,
            Retry = new() { FirstDelay = given.Retry?.FirstDelay ?? d.Retry!.FirstDelay, MaxDelay = given.Retry?.MaxDelay ?? d.Retry!.MaxDelay },
            Storage = new()
            {
                Kind = given.Storage?.Kind ?? d.Storage!.Kind,
                ConnectionStringEnv = given.Storage?.ConnectionStringEnv ?? d.Storage!.ConnectionStringEnv,
            },
            Smtp = new()
            {
                Host = given.Smtp?.Host ?? d.Smtp!.Host,
                Port = given.Smtp?.Port ?? d.Smtp!.Port,
                Tls = given.Smtp?.Tls ?? d.Smtp!.Tls,
                User = given.Smtp?.User ?? d.Smtp!.User,
                PasswordEnv = given.Smtp?.PasswordEnv ?? d.Smtp!.PasswordEnv,
                From = given.Smtp?.From ?? d.Smtp!.From,
            },
            Recipients = new()
            {
                Executives = given.Recipients?.Executives ?? d.Recipients!.Executives,
                Qa = given.Recipients?.Qa ?? d.Recipients!.Qa,
                SuccessManagers = given.Recipients?.SuccessManagers ?? d.Recipients!.SuccessManagers,
            },
        };
    }

    private JobSchedules? BindSchedules(string path, JobSchedulesDocument? doc)
    {
        if (Required(path, doc) is not { } s)
        {
            return null;
        }

        var refresh = Cron($"{path}.refresh", s.Refresh);
        var weekly = Cron($"{path}.weekly_quality", s.WeeklyQuality);
        var monthly = Cron($"{path}.monthly_reports", s.MonthlyReports);
        return refresh is null || weekly is null || monthly is null ? null : new JobSchedules(refresh, weekly, monthly);
    }

    private JobRetry? BindRetry(string path, JobRetryDocument? doc)
    {
        if (Required(path, doc) is not { } r)
        {
            return null;
        }

        var first = Target($"{path}.first_delay", r.FirstDelay, required: true);
        var max = Target($"{path}.max_delay", r.MaxDelay, required: true);
        if (first is { } f && max is { } m && m < f)
        {
            Error($"{path}.max_delay", $"\"{r.MaxDelay}\" is shorter than first_delay \"{r.FirstDelay}\"");
            return null;
        }

        return first is null || max is null ? null : new JobRetry(first.Value.ToTimeSpan(), max.Value.ToTimeSpan());
    }

    private JobStorageSettings? BindStorage(string path, JobStorageDocument? doc)
    {
        if (Required(path, doc) is not { } s)
        {
            return null;
        }

        JobStorageKind? kind = Required($"{path}.kind", s.Kind) switch
        {
            null => null,
            "sqlite" => JobStorageKind.Sqlite,
            "postgresql" => JobStorageKind.Postgresql,
            var other => Invalid<JobStorageKind?>($"{path}.kind", $"unknown storage \"{other}\"; use \"sqlite\" (DATA/jobs.db) or \"postgresql\""),
        };
        var variable = VariableName($"{path}.connection_string_env", s.ConnectionStringEnv);
        return kind is null || variable is null ? null : new JobStorageSettings(kind.Value, variable);
    }

    private SmtpSettings? BindSmtp(string path, SmtpDocument? doc)
    {
        if (Required(path, doc) is not { } s)
        {
            return null;
        }

        var host = Required($"{path}.host", s.Host);
        var port = Required($"{path}.port", s.Port) is { } p && (p < 1 || p > 65535)
            ? Invalid<int?>($"{path}.port", string.Create(CultureInfo.InvariantCulture, $"{p} is outside 1..65535"))
            : s.Port;
        SmtpTls? tls = Required($"{path}.tls", s.Tls) switch
        {
            null => null,
            "auto" => SmtpTls.Auto,
            "none" => SmtpTls.None,
            "starttls" => SmtpTls.StartTls,
            "ssl" => SmtpTls.SslOnConnect,
            var other => Invalid<SmtpTls?>($"{path}.tls", $"unknown TLS mode \"{other}\"; use auto, none, starttls or ssl"),
        };
        var user = Required($"{path}.user", s.User);
        var password = VariableName($"{path}.password_env", s.PasswordEnv);
        var from = Required($"{path}.from", s.From) is { } f && !MailAddress.TryCreate(f, out _)
            ? Invalid<string?>($"{path}.from", $"\"{f}\" is not an address like \"SupportLens <reports@example.com>\"")
            : s.From;
        return host is null || port is null || tls is null || user is null || password is null || from is null
            ? null
            : new SmtpSettings(host.Trim(), port.Value, tls.Value, user, password, from);
    }

    private RecipientLists? BindRecipients(string path, RecipientsDocument? doc)
    {
        if (Required(path, doc) is not { } r)
        {
            return null;
        }

        var executives = Addresses($"{path}.executives", r.Executives);
        var qa = Addresses($"{path}.qa", r.Qa);
        var managers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        if (Required($"{path}.success_managers", r.SuccessManagers) is { } map)
        {
            foreach (var (name, address) in map)
            {
                if (Address($"{path}.success_managers.{name}", address) is { } a)
                {
                    managers[name.Trim()] = a;
                }
                else
                {
                    ok = false;
                }
            }
        }
        else
        {
            ok = false;
        }

        return executives is null || qa is null || !ok ? null : new RecipientLists(executives.Value, qa.Value, managers.ToImmutable());
    }

    private ImmutableArray<string>? Addresses(string path, List<string>? list)
    {
        if (Required(path, list) is not { } items)
        {
            return null;
        }

        var addresses = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (Address($"{path}[{i}]", items[i]) is { } a)
            {
                addresses.Add(a);
            }
        }

        return addresses.Count == items.Count ? addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray() : null;
    }

    /// <summary>A bare address ("qa@example.com"), kept as written; the ledger keys it lower-cased.</summary>
    private string? Address(string path, string? text)
    {
        if (text is null || !MailAddress.TryCreate(text, out var parsed) || parsed.DisplayName.Length > 0 || parsed.Address != text.Trim())
        {
            Error(path, $"\"{text}\" is not an email address like \"qa@example.com\"");
            return null;
        }

        return parsed.Address;
    }

    private string? Cron(string path, string? text)
    {
        if (Required(path, text) is not { } cron)
        {
            return null;
        }

        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return cron;
        }
        catch (CronFormatException e)
        {
            return Invalid<string?>(path, $"\"{cron}\" is not a cron expression like \"0 6 1 * *\" (minute hour day month weekday): {e.Message}");
        }
    }

    private TimeZoneInfo? SystemZone(string path, string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return Invalid<TimeZoneInfo?>(path, $"the system has no time zone data for \"{id}\" (install tzdata)");
        }
    }

    private string? VariableName(string path, string? name)
    {
        if (Required(path, name) is not { } n)
        {
            return null;
        }

        return n.Length > 0 && n.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(n[0])
            ? n
            : Invalid<string?>(path, $"\"{n}\" is not an environment variable name like \"SUPPORTLENS_SMTP_PASSWORD\"");
    }

    private T Invalid<T>(string path, string message)
    {
        Error(path, message);
        return default!;
    }
}
