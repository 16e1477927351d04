namespace SupportLens.Analytics.Health;

/// <summary>
/// The parts a client's health score is made of (DESIGN.md §5). The order is the tie-break when two components pull
/// the score down by the same amount, so drivers come out the same on every run.
/// </summary>
public enum HealthComponent
{
    Csat,
    Nps,
    Sla,
    Fcr,
    Escalations,
    Reopens,
    Incidents,
    VolumeSpikes,
    RenewalProximity,
}
