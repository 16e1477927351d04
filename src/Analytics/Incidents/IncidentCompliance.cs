
namespace SupportLens.Analytics.Incidents;

/// <summary>
/// One incident target over a group of incidents, as of an instant: met and missed are decided and make the percentage;
/// open incidents (target not yet passed) wait; not applicable counts incidents whose severity promises nothing for the step.
/// </summary>
public sealed record IncidentCompliance(long Met, long Missed, long Open, long NotApplicable)
{
    public static IncidentCompliance None { get; } = new(0, 0, 0, 0);

    public long Decided => Met + Missed;

    /// <summary>Met / (met + missed) in percent, or null when nothing is decided yet.</summary>
    public double? Percent => Decided == 0 ? null : 100.0 * Met / Decided;

    public IncidentCompliance Add(IncidentTargetStatus status) => status switch
    {
        IncidentTargetStatus.Met => this with { Met = Met + 1 },
        IncidentTargetStatus.Missed => this with { Missed = Missed + 1 },
        IncidentTargetStatus.Open => this with { Open = Open + 1 },
        _ => this with { NotApplicable = NotApplicable + 1 },
    };
}
