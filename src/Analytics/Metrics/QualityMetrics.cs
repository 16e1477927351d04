namespace SupportLens.Analytics.Metrics;

/// <summary>Two percentiles of a duration distribution; null when nothing was measured.</summary>
public sealed record Percentiles(double? P50, double? P90);

/// <summary>Open tickets at a moment: how many and how old (hours).</summary>
public sealed record Backlog(long Open, double? MedianAgeHours, double? OldestAgeHours);

/// <summary>
/// The quality metrics of one group over one period (DESIGN.md §4). Period membership: tickets by creation,
/// FCR, reopens and resolution times by solve time, surveys by response time, backlog at the period's end, SLA by
/// ticket creation (as of now). Targets: CSAT and FCR against the group's tier targets, weighted by each tier's
/// share of the group's responses (resp. solved tickets) when a group mixes tiers; SLA, escalations and NPS against
/// the organisation's targets.
/// </summary>
public sealed record QualityMetrics(
    string Key,
    long TicketsCreated,
    long TicketsSolved,
    Backlog Backlog,
    Proportion Csat,
    NetPromoterScore Nps,
    Proportion FirstContactResolution,
    Proportion Escalations,
    Proportion Reopens,
    Percentiles FirstResponseMinutes,
    Percentiles ResolutionHours,
    SlaCompliance SlaFirstResponse,
    SlaCompliance SlaResolution,
    Percentiles FirstResponseBusinessMinutes,
    Percentiles ResolutionBusinessHours,
    IReadOnlyList<TargetCheck> Targets);

/// <summary>Metrics of every group of a period.</summary>
/// <param name="AsOf">The instant open tickets were judged at: the asked one, else the tickets' data horizon (null: no data).</param>
public sealed record MetricsReport(ReportingPeriod Period, MetricsGrouping Grouping, IReadOnlyList<QualityMetrics> Groups, NodaTime.Instant? AsOf);
