using SupportLens.Analytics.Configuration.Jobs;

namespace SupportLens.Web.Jobs.Running;

/// <summary>Exponential backoff: the first retry after <c>first_delay</c>, each next one twice as late, capped at <c>max_delay</c>.</summary>
internal static class RetryPolicy
{
    /// <param name="failedAttempt">The attempt that just failed (1 for the first run).</param>
    public static TimeSpan DelayAfter(int failedAttempt, JobRetry retry)
    {
        var doublings = Math.Clamp(failedAttempt - 1, 0, 30);
        var delay = retry.FirstDelay * Math.Pow(2, doublings);
        return delay > retry.MaxDelay ? retry.MaxDelay : delay;
    }
}
