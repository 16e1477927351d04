namespace SupportLens.Web.Jobs.Ledger;

internal enum RunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>Found still "running" by the next holder of the job's lock: its process died or lost the lock.</summary>
    Interrupted,
}

/// <summary>Why a run started: its schedule fired, a missed period at start, a retry after a failure, or by hand.</summary>
internal static class RunReasons
{
    public const string Schedule = "schedule";
    public const string CatchUp = "catch-up";
    public const string Retry = "retry";
    public const string Manual = "manual";
}

/// <summary>One attempt at one period of a job, as the run ledger keeps it.</summary>
/// <param name="Rendered">Its reports were all written and their deliveries planned: a retry only has to send.</param>
/// <param name="NextAttemptAt">For a failed run: when it is tried again.</param>
internal sealed record JobRun(
    long RunId,
    string Job,
    string Period,
    string Reason,
    string Node,
    int Attempt,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? Summary,
    IReadOnlyList<string> Outputs,
    bool Rendered,
    int Sent,
    int Failed,
    DateTimeOffset? NextAttemptAt)
{
    public bool IsOpen => Status is RunStatus.Failed or RunStatus.Interrupted or RunStatus.Running;

    public TimeSpan? Duration => FinishedAt - StartedAt;
}
