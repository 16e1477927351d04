namespace SupportLens.Analytics.Health;

/// <summary>
/// What each health component and each risk driver means, for a success manager reading a client's detail (the CLI,
/// the client-health report and the README say the same).
/// </summary>
public static class HealthMeanings
{
    /// <summary>The name a person reads for a component or risk driver key: "CSAT", "Renewal proximity", "Volume change".</summary>
    public static string Title(string key) => key switch
    {
        "csat" => "CSAT",
        "nps" => "NPS",
        "sla" => "SLA",
        "fcr" => "FCR",
        _ => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' '),
    };

    public static string Of(HealthComponent component, HealthSettings settings) => component switch
    {
        HealthComponent.Csat =>
            $"share of satisfaction surveys answered good (4–5 of 5) in the last {settings.SurveyWindowDays} days, against the tier's CSAT target",
        HealthComponent.Nps =>
            $"promoters (9–10) minus detractors (0–6) among the client's NPS answers in the last {settings.SurveyWindowDays} days, against the NPS target; " +
            $"\"fell from\" compares with the {settings.SurveyWindowDays} days before",
        HealthComponent.Sla =>
            $"first-response and resolution targets met, of those decided, on tickets created in the last {settings.TicketWindowDays} days; " +
            "breaches on urgent tickets are named first",
        HealthComponent.Fcr =>
            $"tickets solved in the last {settings.TicketWindowDays} days with at most one agent reply and never reopened (one-touch), against the tier's FCR target",
        HealthComponent.Escalations =>
            $"tickets created in the last {settings.TicketWindowDays} days that were escalated to level 2 or 3, against the escalation ceiling",
        HealthComponent.Reopens => $"tickets solved in the last {settings.TicketWindowDays} days that were reopened at least once",
        HealthComponent.Incidents =>
            $"incidents that hit the client (named in the incident, or hitting everybody) that started in the last {settings.IncidentWindowDays} days, " +
            "weighted by severity",
        HealthComponent.VolumeSpikes => $"days in the last {settings.TicketWindowDays} on which the client's ticket volume was flagged as a spike",
        HealthComponent.RenewalProximity => "days until the next contract renewal: a renewal close ahead is when a client can leave",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
    };

    /// <summary>What a risk driver (a <see cref="Risk.RiskDriver.Feature"/>) means; the health components' own meanings where it is one.</summary>
    public static string OfRiskDriver(string feature, HealthSettings settings) =>
        HealthComponentKeys.TryParse(feature, out var component) ? Of(component, settings) : feature switch
        {
            "health_score" => "the health score itself: low scores go with leaving",
            "health_change" => $"how much the health score moved in {settings.TrendDays} days: a fast fall goes with leaving",
            "volume_change" =>
                $"tickets in the last {settings.TicketWindowDays} days against the {settings.VolumeBaselineDays} days before: " +
                "a client that stops writing in may have stopped using the product",
            "tenure" => "how long the client has been a client",
            "tier" => "the client's support tier: some tiers leave more often than others in the history",
            _ => feature,
        };
}
