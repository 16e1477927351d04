using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// Tickets solved per productive agent-hour on one channel (of a shift, or of the whole roster). The agent-hours are
/// the productive hours of the agents who solved them, shared over channels as each agent's solves are; null
/// (not measured) when there were no such hours.
/// </summary>
public sealed record ChannelProductivity(string Channel, long Solved, double AgentHours, double? SolvedPerAgentHour);

/// <summary>
/// One shift's productivity over the measurement window: the rostered agents and their hours (agents × the shift's
/// hours in the window), the productive part (× (1 − shrinkage)), the agents seen solving tickets (those whose solves
/// fall mostly in this shift's hours), what they solved, and the rate per productive agent-hour, in all and by channel.
/// </summary>
public sealed record ShiftProductivity(
    string Shift,
    int RosteredAgents,
    int AgentsSeen,
    double RosteredHours,
    double ProductiveHours,
    long Solved,
    double? SolvedPerAgentHour,
    IReadOnlyList<ChannelProductivity> Channels);

/// <summary>
/// Agent productivity (the support plan's "tickets per hour") over a window: per shift and channel, and per channel for
/// the whole roster (the workload rate of deferred channels). Solves with no agent, or by agents whose solves fall in no
/// shift's hours, are counted apart.
/// </summary>
public sealed record AgentProductivity(
    LocalDate From,
    LocalDate To,
    IReadOnlyList<ShiftProductivity> Shifts,
    IReadOnlyList<ChannelProductivity> Channels,
    long SolvedWithoutAgent,
    long SolvedOutsideShifts)
{
    public ChannelProductivity? Channel(string channel) => Channels.FirstOrDefault(c => c.Channel == channel);
}
