using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Sla;
using SupportLens.Analytics.Incidents;

namespace SupportLens.SampleData;

/// <summary>
/// The support plan the history is served under, taken from <see cref="SupportLensSettings.Default"/> rather than
/// restated: tiers, SLA targets and the business calendars they run on (US federal holidays included), incident targets
/// and the reporting zone. What SupportLens measures and what the generator aims at are then the same plan.
/// </summary>
internal static class SupportPlan
{
    private static readonly SupportLensSettings Settings = SupportLensSettings.Default;

    internal static IReadOnlyList<SupportTier> Tiers { get; } = Enum.GetValues<SupportTier>();

    /// <summary>The reporting zone of DESIGN.md §3: months of the history are cut here.</summary>
    internal static DateTimeZone ReportingZone => Settings.ReportingTimeZone;

    internal static SlaPolicy Policy(SupportTier tier) => Settings.SlaPolicies.For(tier);

    /// <summary>The SLA a ticket of this tier and priority is held to (the plan has no per-priority overrides today).</summary>
    internal static SlaTargets Targets(SupportTier tier, string priority) => Policy(tier).TargetsFor(Priority(priority));

    internal static TierQualityTargets Quality(SupportTier tier) => Settings.Targets.Tiers[tier];

    internal static IncidentTargets Incident(int severity) => Settings.Targets.Incidents.For(severity);

    /// <summary>The holidays the US regions observe: the plan's "us" set, which its business-hours calendars close on.</summary>
    internal static HolidaySet UsHolidays => Settings.HolidaySets["us"];

    /// <summary>The generic file's spelling of a tier (DESIGN.md §3).</summary>
    internal static string Name(this SupportTier tier) => tier.ToString().ToLowerInvariant();

    private static TicketPriority? Priority(string priority) => priority switch
    {
        "low" => TicketPriority.Low,
        "normal" => TicketPriority.Normal,
        "high" => TicketPriority.High,
        "urgent" => TicketPriority.Urgent,
        _ => null,
    };
}
