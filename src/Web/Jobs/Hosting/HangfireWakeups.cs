using Hangfire;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Jobs.Hosting;

/// <summary>Wake-ups as delayed Hangfire jobs (visible under Scheduled on the dashboard). A duplicate wake-up costs one look at the ledger.</summary>
internal sealed class HangfireWakeups(IBackgroundJobClient client) : IJobWakeups
{
    public void WakeAt(JobKind job, DateTimeOffset at) =>
        client.Schedule<JobTrigger>(t => t.Run(job.Name(), RunReasons.Retry, CancellationToken.None), at);
}
