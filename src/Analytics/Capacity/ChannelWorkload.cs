namespace SupportLens.Analytics.Capacity;

/// <summary>How a channel's contacts turn into agents.</summary>
public abstract record ChannelWorkload(string Channel);

/// <summary>Chat and phone: contacts queue and must be answered live, staffed by Erlang C each hour.</summary>
public sealed record LiveChannel(string Channel, ServiceLevelTarget Target) : ChannelWorkload(Channel);

/// <summary>
/// Email and web: contacts can wait within the shift, so what counts is the work in agent-hours, from a handle
/// time or from the measured tickets solved per agent-hour (exactly one of the two).
/// </summary>
public sealed record DeferredChannel(string Channel, TimeSpan? HandleTime = null, double? TicketsPerAgentHour = null) : ChannelWorkload(Channel)
{
    /// <summary>Agent-hours of work for <paramref name="contacts"/> contacts.</summary>
    public double AgentHours(double contacts) => HandleTime is { } handle
        ? contacts * handle.TotalHours
        : TicketsPerAgentHour is { } rate and > 0
            ? contacts / rate
            : throw new InvalidOperationException($"Channel \"{Channel}\" needs a handle time or a positive tickets-per-agent-hour rate.");
}
