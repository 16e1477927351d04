using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Health;

/// <summary>
/// Everything the health score of one client on one day is computed from: the counts behind each component over
/// trailing windows that end with <see cref="AsOf"/> (lengths in <see cref="HealthSettings"/>: surveys 90 days,
/// tickets and incidents 30 days, volume baseline the 90 days before the ticket window). A null member means the
/// source has no such data (no escalation column in the export, no spike detection yet): that component is not
/// measured. Counts of zero are data, but too few of them (<see cref="HealthSettings.MinimumSurveys"/> and friends)
/// leave the component unmeasured as well.
/// </summary>
/// <param name="Csat">CSAT answers in the survey window: good out of answered.</param>
/// <param name="Fcr">Solved or closed tickets in the ticket window: one-touch out of all.</param>
/// <param name="Escalations">Tickets created in the ticket window: escalated out of all.</param>
/// <param name="Reopens">Solved or closed tickets in the ticket window: reopened at least once out of all.</param>
/// <param name="NextRenewal">The next renewal on or after <see cref="AsOf"/> (<see cref="ClientAccount.NextRenewalOn"/>).</param>
public sealed record ClientHealthInputs(
    string ClientId,
    SupportTier Tier,
    LocalDate AsOf,
    Proportion? Csat = null,
    NpsFacts? Nps = null,
    SlaFacts? Sla = null,
    Proportion? Fcr = null,
    Proportion? Escalations = null,
    Proportion? Reopens = null,
    IncidentFacts? Incidents = null,
    SpikeFacts? VolumeSpikes = null,
    LocalDate? NextRenewal = null,
    TicketVolume? Volume = null);
