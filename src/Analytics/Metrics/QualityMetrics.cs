namespace SupportLens.Analytics.Metrics;

/// <summary>Two percentiles of a duration distribution; null when nothing was measured.</summary>
public sealed record Percentiles(double? P50, double? P90);

/// <summary>Open tickets at a moment: how many and how old (hours).</summary>
public sealed record Backlog(long Open, double? MedianAgeHours, double? OldestAgeHours);

/// <summary>
/// The quality metrics of one group over one period (DESIGN.md §4). Period membership: tickets by creation,
/// FCR, reopens and resolution times by solve time, surveys by response time, backlog at the period's end.
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
    Percentiles ResolutionHours);

/// <summary>Metrics of every group of a period.</summary>
public sealed record MetricsReport(ReportingPeriod Period, MetricsGrouping Grouping, IReadOnlyList<QualityMetrics> Groups);
