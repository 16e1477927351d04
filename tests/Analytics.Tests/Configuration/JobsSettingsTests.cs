using System.Text.Json.Nodes;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Configuration.Jobs;

namespace SupportLens.Analytics.Tests.Configuration;

public class JobsSettingsTests
{
    private static readonly SupportLensSettings Defaults = SupportLensSettings.Default;

    [Fact]
    public void Defaults_schedule_the_three_jobs_in_new_york_with_the_outbox_and_the_embedded_storage()
    {
        var jobs = Defaults.Jobs;
        Assert.True(jobs.Enabled);
        Assert.Equal("America/New_York", jobs.TimeZone.Id);
        Assert.Equal("America/New_York", jobs.SystemTimeZone.Id);
        Assert.Equal(new JobSchedules("0 2 * * *", "0 6 * * 1", "0 6 1 * *"), jobs.Schedules);
        Assert.Equal(3, jobs.CatchUpMaxPeriods);
        Assert.Equal(new JobRetry(TimeSpan.FromMinutes(1), TimeSpan.FromHours(6)), jobs.Retry);
        Assert.Equal(new JobStorageSettings(JobStorageKind.Sqlite, "SUPPORTLENS_JOBS_POSTGRES"), jobs.Storage);
        Assert.False(jobs.Smtp.IsConfigured);
        Assert.Equal((587, SmtpTls.StartTls, "SUPPORTLENS_SMTP_PASSWORD"), (jobs.Smtp.Port, jobs.Smtp.Tls, jobs.Smtp.PasswordVariable));
        Assert.Empty(jobs.Recipients.Executives);
        Assert.Empty(jobs.Recipients.SuccessManagers);
    }

    [Fact]
    public void A_file_sets_smtp_postgresql_recipients_and_cron_with_seconds()
    {
        var json = JsonNode.Parse(Defaults.ToJson())!;
        var jobs = json["jobs"]!;
        jobs["schedules"]!["refresh"] = "*/30 * * * * *";
        jobs["storage"] = JsonNode.Parse("""{ "kind": "postgresql", "connection_string_env": "JOBS_PG" }""");
        jobs["smtp"] = JsonNode.Parse("""
            { "host": "smtp.example.com", "port": 465, "tls": "ssl", "user": "reports", "password_env": "SMTP_PW", "from": "Reports <reports@example.com>" }
            """);
        jobs["recipients"] = JsonNode.Parse("""
            { "executives": ["ceo@example.com", "CEO@example.com"], "qa": ["qa@example.com"], "success_managers": { "Sofia Marquez": "sofia@example.com" } }
            """);
        var settings = SupportLensSettings.Parse(json.ToJsonString()).Jobs;

        Assert.Equal("*/30 * * * * *", settings.Schedules.Refresh);
        Assert.Equal(new JobStorageSettings(JobStorageKind.Postgresql, "JOBS_PG"), settings.Storage);
        Assert.Equal(new SmtpSettings("smtp.example.com", 465, SmtpTls.SslOnConnect, "reports", "SMTP_PW", "Reports <reports@example.com>"), settings.Smtp);
        Assert.True(settings.Smtp.IsConfigured);
        Assert.Equal(["ceo@example.com"], settings.Recipients.Executives.ToArray());   // one address, however it is capitalised
        Assert.Equal("sofia@example.com", settings.Recipients.SuccessManagers["sofia marquez"]);
    }

    [Theory]
    [InlineData("jobs.schedules.monthly_reports", "\"0 6 32 * *\"", "jobs.schedules.monthly_reports: \"0 6 32 * *\" is not a cron expression")]
    [InlineData("jobs.schedules.refresh", "\"nightly\"", "jobs.schedules.refresh: \"nightly\" is not a cron expression")]
    [InlineData("jobs.time_zone", "\"Europe/Nowhere\"", "jobs.time_zone: unknown time zone \"Europe/Nowhere\"")]
    [InlineData("jobs.storage.kind", "\"redis\"", "jobs.storage.kind: unknown storage \"redis\"; use \"sqlite\" (DATA/jobs.db) or \"postgresql\"")]
    [InlineData("jobs.storage.connection_string_env", "\"jobs pg\"", "jobs.storage.connection_string_env: \"jobs pg\" is not an environment variable name")]
    [InlineData("jobs.smtp.tls", "\"tls1.2\"", "jobs.smtp.tls: unknown TLS mode \"tls1.2\"; use auto, none, starttls or ssl")]
    [InlineData("jobs.smtp.port", "0", "jobs.smtp.port: 0 is outside 1..65535")]
    [InlineData("jobs.smtp.from", "\"reports\"", "jobs.smtp.from: \"reports\" is not an address")]
    [InlineData("jobs.recipients.executives", "[\"ceo@example.com\", \"Chief <ceo@example.com>\"]", "jobs.recipients.executives[1]: \"Chief <ceo@example.com>\" is not an email address")]
    [InlineData("jobs.recipients.success_managers", "{\"Sofia Marquez\": \"sofia\"}", "jobs.recipients.success_managers.Sofia Marquez: \"sofia\" is not an email address")]
    [InlineData("jobs.retry.max_delay", "\"30s\"", "jobs.retry.max_delay: \"30s\" is shorter than first_delay \"1m\"")]
    [InlineData("jobs.retry.first_delay", "\"soon\"", "jobs.retry.first_delay: \"soon\" is not a duration")]
    [InlineData("jobs.catch_up_max_periods", "0", "jobs.catch_up_max_periods: 0 is outside 1..24")]
    [InlineData("jobs.schedule", "{}", "jobs.schedule: unknown key")]
    public void Invalid_jobs_settings_name_the_key(string path, string? valueJson, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => SupportLensSettings.Parse(Edit(path, valueJson), "test.json"));
        Assert.True(error.Errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), string.Join(" / ", error.Errors));
    }

    [Fact]
    public void An_absent_section_or_key_takes_its_default()
    {
        Assert.Equivalent(Defaults.Jobs, SupportLensSettings.Parse(Edit("jobs", null)).Jobs, strict: true);

        var partial = SupportLensSettings.Parse(Edit("jobs", """{ "smtp": { "host": "smtp.example.com" }, "recipients": { "qa": ["qa@example.com"] } }""")).Jobs;
        Assert.Equal(Defaults.Jobs.Smtp with { Host = "smtp.example.com" }, partial.Smtp);
        Assert.Equal(["qa@example.com"], partial.Recipients.Qa.ToArray());
        Assert.Equal((Defaults.Jobs.Schedules, Defaults.Jobs.Storage, Defaults.Jobs.Retry), (partial.Schedules, partial.Storage, partial.Retry));
    }

    private static string Edit(string path, string? valueJson)
    {
        var root = JsonNode.Parse(Defaults.ToJson())!;
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(root, (node, key) => node[key]!).AsObject();
        if (valueJson is null)
        {
            parent.Remove(keys[^1]);
        }
        else
        {
            parent[keys[^1]] = JsonNode.Parse(valueJson);
        }

        return root.ToJsonString();
    }
}
