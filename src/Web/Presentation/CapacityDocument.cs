using NodaTime;
using SupportLens.Analytics.Capacity;

namespace SupportLens.Web.Presentation;

/// <summary>
/// What `capacity --json` prints and <c>GET /api/capacity</c> answers: agents per follow-the-sun shift week by week
/// (required on the floor, scheduled with shrinkage, rostered, gap), each channel's workload, and measured productivity.
/// </summary>
internal sealed record CapacityDocument(
    long ForecastRunId,
    DateTimeOffset ForecastGeneratedAt,
    string HistoryThrough,
    string TimeZone,
    string From,
    string To,
    int WeeksAvailable,
    double ShrinkagePct,
    double MaxOccupancyPct,
    double UncoveredContacts,
    IReadOnlyList<CapacityWeekDocument> Weeks,
    IReadOnlyList<CapacityChannelDocument> Channels,
    ProductivityDocument Productivity)
{
    internal static CapacityDocument Build(CapacityReport report, DateTimeZone zone) => new(
        report.ForecastRunId,
        report.ForecastGeneratedAt,
        Date(report.HistoryThrough),
        zone.Id,
        Date(report.From),
        Date(report.To),
        report.WeeksAvailable,
        Math.Round(report.Shrinkage * 100, 2),
        Math.Round(report.MaxOccupancy * 100, 2),
        Math.Round(report.UncoveredContacts, 1),
        [.. report.Weeks.GroupBy(w => w.WeekStart).Select(g => new CapacityWeekDocument(
            Date(g.Key),
            [.. g.Select(w => new CapacityShiftDocument(
                w.Shift, Math.Round(w.RequiredAgents, 2), Math.Round(w.ScheduledAgents, 2), w.RosteredAgents, Math.Round(w.Gap, 2), w.ShortDays,
                w.RequiredByChannel.ToDictionary(c => c.Key, c => Math.Round(c.Value, 2))))]))],
        [.. report.Channels.Select(c => new CapacityChannelDocument(
            c.Channel,
            c.Live ? "live" : "deferred",
            Math.Round(c.ContactsPerWeek, 1),
            c.HandleTime is { } h ? Math.Round(h.TotalSeconds, 1) : null,
            Round(c.SolvedPerAgentHour, 3),
            c.Source,
            Round(c.WorkloadHoursPerWeek, 1),
            c.ServiceLevel is { } s ? Math.Round(s.Share * 100, 2) : null,
            c.ServiceLevel?.AnswerWithin.TotalSeconds,
            c.NotPlanned))],
        new ProductivityDocument(
            Date(report.Productivity.From),
            Date(report.Productivity.To),
            report.Productivity.SolvedWithoutAgent,
            report.Productivity.SolvedOutsideShifts,
            [.. report.Productivity.Shifts.Select(s => new ShiftProductivityDocument(
                s.Shift, s.RosteredAgents, s.AgentsSeen, Math.Round(s.RosteredHours, 1), Math.Round(s.ProductiveHours, 1), s.Solved,
                Round(s.SolvedPerAgentHour, 3), [.. s.Channels.Select(ChannelProductivityDocument.Build)]))],
            [.. report.Productivity.Channels.Select(ChannelProductivityDocument.Build)]));

    private static double? Round(double? value, int places) => value is { } v ? Math.Round(v, places) : null;

    private static string Date(LocalDate date) => ForecastDocument.Date(date);
}

/// <summary>One ISO week (Monday) and its shifts.</summary>
internal sealed record CapacityWeekDocument(string WeekStart, IReadOnlyList<CapacityShiftDocument> Shifts);

/// <summary>A shift's agents for the week: required on the floor, scheduled (with shrinkage), rostered; gap = rostered − scheduled.</summary>
internal sealed record CapacityShiftDocument(
    string Shift, double Required, double Scheduled, int Rostered, double Gap, int ShortDays, IReadOnlyDictionary<string, double> RequiredByChannel);

/// <summary>How one channel was planned (live: Erlang C at its service level; deferred: workload).</summary>
internal sealed record CapacityChannelDocument(
    string Channel, string Kind, double ContactsPerWeek, double? HandleSeconds, double? SolvedPerAgentHour, string? Source,
    double? WorkloadHoursPerWeek, double? ServiceLevelPct, double? AnswerWithinSeconds, string? NotPlanned);

/// <summary>Tickets solved per productive agent-hour over the measurement window, per shift and channel.</summary>
internal sealed record ProductivityDocument(
    string From, string To, long SolvedWithoutAgent, long SolvedOutsideShifts, IReadOnlyList<ShiftProductivityDocument> Shifts,
    IReadOnlyList<ChannelProductivityDocument> Channels);

internal sealed record ShiftProductivityDocument(
    string Shift, int RosteredAgents, int AgentsSeen, double RosteredHours, double ProductiveHours, long Solved, double? SolvedPerAgentHour,
    IReadOnlyList<ChannelProductivityDocument> Channels);

internal sealed record ChannelProductivityDocument(string Channel, long Solved, double AgentHours, double? SolvedPerAgentHour)
{
    internal static ChannelProductivityDocument Build(ChannelProductivity c) =>
        new(c.Channel, c.Solved, Math.Round(c.AgentHours, 1), c.SolvedPerAgentHour is { } v ? Math.Round(v, 3) : null);
}
