using System.Collections.Immutable;
using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>What a live channel promises: <see cref="Share"/> of contacts answered within <see cref="AnswerWithin"/>.</summary>
public sealed record ServiceLevelGoal(double Share, TimeSpan AnswerWithin);

/// <summary>
/// How one channel is planned. A channel with a <see cref="ServiceLevel"/> is live (chat, phone: Erlang C per hour);
/// one without is deferred (email, web, api: agent-hours of work within the shift). <see cref="HandleTime"/> null means
/// "measured": the volume export's average handle time when it has one for the channel, else (deferred channels) the
/// agents' measured productivity, else <see cref="FallbackHandleTime"/>; with none of these the channel is not planned.
/// </summary>
public sealed record ChannelPlan(string Channel, TimeSpan? HandleTime, TimeSpan? FallbackHandleTime = null, ServiceLevelGoal? ServiceLevel = null)
{
    public bool IsLive => ServiceLevel is not null;
}

/// <summary>
/// The <c>capacity</c> section of the configuration: the channels' service levels and handle times, maximum occupancy,
/// shrinkage, the weeks agent productivity is measured over, and the follow-the-sun roster. Every member has a
/// documented default (<see cref="Default"/>); an absent section means all defaults.
/// </summary>
public sealed record CapacitySettings
{
    public static CapacitySettings Default { get; } = new();

    /// <summary>Share of paid time not spent on contacts (breaks, training, meetings, absence). Default 0.30.</summary>
    public double Shrinkage { get; init; } = 0.30;

    /// <summary>The most a live agent may be busy, averaged over an hour. Default 0.85.</summary>
    public double MaxOccupancy { get; init; } = 0.85;

    /// <summary>Complete weeks before the data horizon over which productivity, handle times and the intraday profile are measured. Default 8.</summary>
    public int MeasurementWeeks { get; init; } = 8;

    /// <summary>
    /// Defaults: chat and phone live at 80 % in 60 s (the support plan), handle times measured, else 8 and 6 minutes;
    /// email, web and api deferred at the agents' measured productivity.
    /// </summary>
    public ImmutableArray<ChannelPlan> Channels { get; init; } =
    [
        new("email", null),
        new("chat", null, TimeSpan.FromMinutes(8), new ServiceLevelGoal(0.80, TimeSpan.FromSeconds(60))),
        new("phone", null, TimeSpan.FromMinutes(6), new ServiceLevelGoal(0.80, TimeSpan.FromSeconds(60))),
        new("web", null),
        new("api", null),
    ];

    /// <summary>
    /// The roster. Default: the support promise's follow-the-sun model, three nine-hour shifts every day whose first and
    /// last hours overlap for handovers: APAC 06:00–15:00 Manila (22:00–07:00 UTC) with 5 agents, EMEA 07:00–16:00
    /// London with 5, Americas 09:00–18:00 New York with 8.
    /// </summary>
    public ImmutableArray<Shift> Shifts { get; init; } =
    [
        new("APAC", new LocalTime(6, 0), new LocalTime(15, 0), "Asia/Manila", 5),
        new("EMEA", new LocalTime(7, 0), new LocalTime(16, 0), "Europe/London", 5),
        new("Americas", new LocalTime(9, 0), new LocalTime(18, 0), "America/New_York", 8),
    ];

    public ChannelPlan? Channel(string channel) => Channels.FirstOrDefault(c => c.Channel == channel);
}
