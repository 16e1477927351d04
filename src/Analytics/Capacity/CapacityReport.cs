using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// How one channel was planned: its forecast contacts per week over the plan, the handle time (or, for a deferred
/// channel, the measured tickets solved per agent-hour) and where it came from, the resulting agent-hours of work per
/// week, and its service level when live. <see cref="NotPlanned"/> says why a channel was left out.
/// </summary>
public sealed record ChannelWorkloadPlan(
    string Channel,
    bool Live,
    double ContactsPerWeek,
    TimeSpan? HandleTime,
    double? SolvedPerAgentHour,
    string? Source,
    double? WorkloadHoursPerWeek,
    ServiceLevelGoal? ServiceLevel,
    string? NotPlanned);

/// <summary>
/// A capacity plan as <c>supportlens capacity</c> shows it: which stored forecast it rests on, the whole ISO weeks it
/// covers, each channel's workload, the measured agent productivity, and the week-by-week table of agents per shift
/// (required on the floor, scheduled with shrinkage, rostered, gap).
/// </summary>
public sealed record CapacityReport(
    long ForecastRunId,
    DateTimeOffset ForecastGeneratedAt,
    LocalDate HistoryThrough,
    LocalDate From,
    LocalDate To,
    int WeeksAvailable,
    double Shrinkage,
    double MaxOccupancy,
    IReadOnlyList<ChannelWorkloadPlan> Channels,
    AgentProductivity Productivity,
    IReadOnlyList<ShiftWeek> Weeks,
    double UncoveredContacts);
