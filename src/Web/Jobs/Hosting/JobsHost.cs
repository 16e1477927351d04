using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;
using SupportLens.Analytics.Configuration;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Jobs.Hosting;

/// <summary>
/// Starts the scheduled jobs with the host: registers the three recurring jobs with their cron and time zone (on shared
/// storage every node registers the same ones; Hangfire fires each occurrence once), enqueues one catch-up per job so
/// periods missed while no node was up run now, and runs a Hangfire server. With jobs.enabled false it does nothing.
/// </summary>
internal sealed class JobsHost(
    SupportLensSettings settings,
    JobCatalog catalog,
    RunLedger runs,
    JobStorage storage,
    IRecurringJobManager recurring,
    IBackgroundJobClient client,
    IServiceProvider services,
    JobNode node) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Jobs.Enabled)
        {
            return Task.CompletedTask;
        }

        foreach (var job in catalog.All)
        {
            var name = job.Name;
            runs.ScheduleSince(name);
            recurring.AddOrUpdate(name, Job.FromExpression<JobTrigger>(t => t.Run(name, RunReasons.Schedule, CancellationToken.None)),
                job.Schedule.Text, new RecurringJobOptions { TimeZone = job.Schedule.Zone });
            client.Enqueue<JobTrigger>(t => t.Run(name, RunReasons.CatchUp, CancellationToken.None));
        }

        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = node.Id,
            // The jobs are few and long; two workers let a refresh run beside a monthly pack.
            WorkerCount = 2,
            SchedulePollingInterval = TimeSpan.FromSeconds(5),
            Activator = new ServiceProviderJobActivator(services),
        }, storage);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.SendStop();
        return Task.CompletedTask;
    }

    public void Dispose() => _server?.Dispose();
}
