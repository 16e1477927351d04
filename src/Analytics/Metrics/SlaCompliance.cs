namespace SupportLens.Analytics.Metrics;

/// <summary>
/// One SLA target over a group of tickets: achieved and breached count towards the percentage; active tickets
/// (still open, deadline not yet passed, or clock paused) are shown but do not count yet.
/// </summary>
public sealed record SlaCompliance(long Achieved, long Breached, long Active)
{
    public double? Percent => Achieved + Breached == 0 ? null : 100.0 * Achieved / (Achieved + Breached);
}
