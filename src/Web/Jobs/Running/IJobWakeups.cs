namespace SupportLens.Web.Jobs.Running;

/// <summary>Asks the scheduler to look at a job again at an instant (a failed period's next attempt, or after a busy lock).</summary>
internal interface IJobWakeups
{
    void WakeAt(JobKind job, DateTimeOffset at);
}

/// <summary>
/// For processes without a scheduler (the CLI): nothing to wake. A failed manual run keeps its next-attempt time in the
/// run ledger, and the server's planner retries it from there.
/// </summary>
internal sealed class NoWakeups : IJobWakeups
{
    public void WakeAt(JobKind job, DateTimeOffset at)
    {
    }
}
