using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Cli;

/// <summary>`jobs list`: what is scheduled, what ran last, and what is still to deliver (JSON keys in snake_case).</summary>
internal sealed record JobsStatus(string TimeZone, string Ledgers, string Mail, IReadOnlyList<JobStatus> Jobs, DeliveryCounts Deliveries)
{
    public static JobsStatus Read(IServiceProvider services, TimeProvider time)
    {
        var catalog = services.GetRequiredService<JobCatalog>();
        var runs = services.GetRequiredService<RunLedger>();
        var now = time.GetUtcNow();
        var jobs = catalog.All.Select(job =>
        {
            var last = runs.Recent(1, job.Name).FirstOrDefault();
            return new JobStatus(job.Name, job.Description, job.Schedule.Text, job.Schedule.Next(now), last is null ? null : new LastRun(
                last.Period, RunLedger.Name(last.Status), last.Reason, last.Attempt, last.Node, last.StartedAt, last.FinishedAt, last.Summary,
                last.Error, last.Status is RunStatus.Failed or RunStatus.Interrupted ? last.NextAttemptAt : null));
        }).ToList();
        var counts = services.GetRequiredService<DeliveryLedger>().Counts();
        return new JobsStatus(catalog.Settings.Jobs.TimeZone.Id, services.GetRequiredService<JobDatabase>().Description,
            services.GetRequiredService<MailTransports>().Description, jobs,
            new DeliveryCounts(counts[DeliveryStatus.Sent], counts[DeliveryStatus.Pending], counts[DeliveryStatus.Sending], counts[DeliveryStatus.Failed]));
    }

    public string Text()
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb[TimeZone];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Jobs (times in {TimeZone}; ledgers in {Ledgers}; mail through {Mail})");
        foreach (var job in Jobs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {job.Name,-16} {job.Schedule,-14} next {JobsCommand.Format(job.NextRun, zone)}   {job.Description}");
            if (job.LastRun is not { } last)
            {
                text.AppendLine("                   last run: none yet");
                continue;
            }

            var outcome = last.Error is { } e ? $": {e}" : last.Summary is { } s ? $": {s}" : "";
            var retry = last.NextAttemptAt is { } n ? $"; next attempt {JobsCommand.Format(n, zone)}" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"                   last run: {last.Period} {last.Status} ({last.Reason}, attempt {last.Attempt}, {last.Node}) at {JobsCommand.Format(last.StartedAt, zone)}{outcome}{retry}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"Deliveries: {Deliveries.Sent} sent, {Deliveries.Pending} pending, {Deliveries.Sending} in progress or interrupted, {Deliveries.Failed} failed");
        return text.ToString();
    }
}

internal sealed record JobStatus(string Name, string Description, string Schedule, DateTimeOffset? NextRun, LastRun? LastRun);

internal sealed record LastRun(
    string Period, string Status, string Reason, int Attempt, string Node, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Summary,
    string? Error, DateTimeOffset? NextAttemptAt);

internal sealed record DeliveryCounts(int Sent, int Pending, int Sending, int Failed);
