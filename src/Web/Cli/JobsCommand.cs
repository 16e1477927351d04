using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportLens.Analytics.Configuration;
using SupportLens.Web.Composition;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens jobs list | run NAME [--month YYYY-MM | --week YYYY-Www] | worker`: the scheduled jobs, their last runs,
/// and running one now through the same runner, locks and ledgers the scheduler uses.
/// </summary>
internal static class JobsCommand
{
    /// <summary>How long `jobs run` waits for a run of the same job in another process to finish.</summary>
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    internal static Command Create(TextWriter output, TimeProvider time)
    {
        var command = new Command("jobs", "The scheduled jobs (refresh, weekly-quality, monthly-reports): list them, run one now, or run a jobs-only node.");
        command.Subcommands.Add(List(output, time));
        command.Subcommands.Add(Run(output, time));
        command.Subcommands.Add(Worker(output, time));
        return command;
    }

    private static Command List(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var command = new Command("list", "Each job's schedule, next run and last run, and the deliveries not sent yet.");
        command.Options.Add(json);
        command.Options.Add(data);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, config, time, s => s.AddSupportLensJobRunner());
            var status = JobsStatus.Read(services, time);
            output.Write(parse.GetValue(json) ? JsonSerializer.Serialize(status, JsonOutput.Options) + "\n" : status.Text());
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command Run(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var name = new Argument<string>("NAME") { Description = $"The job: {JobKinds.Names}." };
        var month = new Option<string?>("--month") { Description = "The month to report (monthly-reports; weekly-quality for a whole month).", HelpName = "YYYY-MM" };
        var week = new Option<string?>("--week") { Description = "The ISO week to report (weekly-quality).", HelpName = "YYYY-Www" };
        var command = new Command("run", "Run a job now in this process, through the same locks and ledgers as the scheduler. " +
                                         "Default period: the last complete one. Deliveries already made are not made again.");
        command.Arguments.Add(name);
        command.Options.Add(month);
        command.Options.Add(week);
        command.Options.Add(data);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            if (!JobKinds.TryParse(parse.GetValue(name), out var kind))
            {
                throw new CliUsageException($"unknown job \"{parse.GetValue(name)}\"; jobs are {JobKinds.Names}");
            }

            using var services = CliServices.Build(parse, data, config, time, s => s.AddSupportLensJobRunner());
            var period = Period(services, kind, parse.GetValue(month), parse.GetValue(week), time);
            var runner = services.GetRequiredService<JobRunner>();
            output.WriteLine($"Running {kind.Name()} for {period.Key}; mail goes through {services.GetRequiredService<MailTransports>().Description}");
            JobRun run;
            try
            {
                run = runner.RunNow(kind, period, LockWait, output.WriteLine);
            }
            catch (JobBusyException busy)
            {
                throw new CliFailure(busy.Message);
            }

            return run.Status == RunStatus.Succeeded
                ? SupportLensCli.Done
                : throw new CliFailure($"{kind.Name()} {period.Key} failed: {run.Error}");
        });
        return command;
    }

    private static Command Worker(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var command = new Command("worker", "Run the scheduled jobs without the dashboards, until stopped (an extra node, or a jobs-only process).");
        command.Options.Add(data);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            var options = CliServices.Options(parse, data, config);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSupportLens(options, time).AddSupportLensJobs();
            using var host = builder.Build();
            var settings = host.Services.GetRequiredService<SupportLensSettings>();
            if (!settings.Jobs.Enabled)
            {
                throw new CliFailure("jobs.enabled is false in the configuration: this process would run nothing.");
            }

            host.Start();
            output.WriteLine($"SupportLens jobs worker {JobNode.Current.Id} started: ledgers in " +
                             $"{host.Services.GetRequiredService<JobDatabase>().Description}, mail through " +
                             $"{host.Services.GetRequiredService<MailTransports>().Description}. Ctrl+C stops it.");
            host.WaitForShutdown();
            return SupportLensCli.Done;
        });
        return command;
    }

    private static JobPeriod Period(IServiceProvider services, JobKind kind, string? month, string? week, TimeProvider time)
    {
        var catalog = services.GetRequiredService<JobCatalog>();
        var zone = catalog.Settings.ReportingTimeZone;
        if (month is not null && week is not null)
        {
            throw new CliUsageException("give --month or --week, not both");
        }

        if ((month ?? week) is { } text)
        {
            if (kind == JobKind.Refresh)
            {
                throw new CliUsageException("refresh covers no period: run it without --month or --week");
            }

            JobPeriod period;
            try
            {
                period = JobPeriod.Parse(text, zone);
            }
            catch (FormatException e)
            {
                throw new CliUsageException(e.Message);
            }

            return (kind, period.Kind, month is not null) switch
            {
                (JobKind.MonthlyReports, PeriodKind.Month, true) or (JobKind.WeeklyQuality, PeriodKind.Month, true) => period,
                (JobKind.WeeklyQuality, PeriodKind.Week, false) => period,
                (JobKind.MonthlyReports, _, false) => throw new CliUsageException("monthly-reports covers a month: use --month YYYY-MM"),
                _ => throw new CliUsageException(month is not null ? $"--month takes a month like 2026-10, not \"{text}\"" : $"--week takes an ISO week like 2026-W47, not \"{text}\""),
            };
        }

        // No period given: the one the schedule's latest occurrence stands for (the last complete week or month).
        var job = catalog[kind];
        var now = time.GetUtcNow();
        return kind == JobKind.Refresh
            ? JobPeriod.Occurrence(now, catalog.Settings.Jobs.TimeZone)
            : catalog.PeriodOf(job, now);
    }

    internal static string Format(DateTimeOffset? instant, NodaTime.DateTimeZone zone) => instant is { } at
        ? NodaTime.Instant.FromDateTimeOffset(at).InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : "–";
}
