using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Scale;
using SupportLens.SampleData.Staffing;

namespace SupportLens.SampleData.Tickets;

/// <summary>A row of the generic `ticket-events` file: what happened to a ticket and when.</summary>
internal sealed record TicketEvent(Instant At, string Event, string Value);

/// <summary>A period in which the SLA clock stops: waiting for the customer (pending) or for engineering (on_hold).</summary>
internal sealed record PausePeriod(Instant From, Instant To, string State);

/// <summary>
/// A ticket as the export at the end of the history sees it (generic `tickets` fields of DESIGN.md §3): tickets still
/// being worked then are open, pending or new, without the timestamps that lie in the future.
/// </summary>
internal sealed record SampleTicket(
    long Number,
    SampleClient Client,
    Instant Created,
    string Channel,
    string Priority,
    string Status,
    string Category,
    int Level,
    SupportAgent? Agent,
    Instant? FirstResponse,
    Instant? FirstSolved,
    Instant? Solved,
    Instant? Closed,
    Instant Updated,
    int AgentReplies,
    int Reopens,
    bool Escalated,
    bool IncidentDriven,
    IReadOnlyList<PausePeriod> Pauses,
    IReadOnlyList<TicketEvent> Events)
{
    internal string Id => $"T-{Number:D6}";

    internal bool IsSolved => Status is "solved" or "closed";

    /// <summary>DESIGN.md §4 one-touch: solved with at most one agent reply and no reopen.</summary>
    internal bool OneTouch => IsSolved && AgentReplies <= 1 && Reopens == 0;

    /// <summary>The SLA this ticket is held to: its tier's targets for its priority, on the tier's business calendar.</summary>
    internal SlaTargets Sla => SupportPlan.Targets(Client.Tier, Priority);

    internal TicketRow ToRow() => new(
        Id, Client.Id, Created.ToDateTimeOffset(), Channel, Priority, Status, Category, Level, Agent?.Id,
        FirstResponse?.ToDateTimeOffset(), Solved?.ToDateTimeOffset(), Closed?.ToDateTimeOffset(), Updated.ToDateTimeOffset(),
        AgentReplies, Reopens, Escalated);
}
