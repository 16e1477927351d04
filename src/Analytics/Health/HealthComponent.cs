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

/// <summary>The snake_case name of each component, as the configuration file and JSON output spell it.</summary>
public static class HealthComponentKeys
{
    public static string Key(this HealthComponent component) => component switch
    {
        HealthComponent.Csat => "csat",
        HealthComponent.Nps => "nps",
        HealthComponent.Sla => "sla",
        HealthComponent.Fcr => "fcr",
        HealthComponent.Escalations => "escalations",
        HealthComponent.Reopens => "reopens",
        HealthComponent.Incidents => "incidents",
        HealthComponent.VolumeSpikes => "volume_spikes",
        HealthComponent.RenewalProximity => "renewal_proximity",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
    };

    public static bool TryParse(string key, out HealthComponent component)
    {
        foreach (var candidate in Enum.GetValues<HealthComponent>())
        {
            if (candidate.Key() == key)
            {
                component = candidate;
                return true;
            }
        }
        component = default;
        return false;
    }
}
