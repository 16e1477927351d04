using NodaTime;

namespace SupportLens.Web.SampleData;

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
}

/// <summary>
/// SLA outcome of a ticket on its tier's policy, as DESIGN.md §4 defines it: elapsed on the policy calendar, paused
/// while pending or on hold; a ticket without a response/solution is breached once its target has passed by the end
/// of the history, else still active (null).
/// </summary>
internal static class TicketSla
{
    internal static bool? FirstResponseBreached(SampleTicket ticket, Instant end)
    {
        var policy = ticket.Client.Policy;
        var until = ticket.FirstResponse ?? end;
        var elapsed = policy.Calendar.Elapsed(ticket.Created, until);
        if (elapsed > policy.FirstResponse)
        {
            return true;
        }
        return ticket.FirstResponse is null ? null : false;
    }

    internal static bool? ResolutionBreached(SampleTicket ticket, Instant end)
    {
        var elapsed = ResolutionElapsed(ticket, end);
        if (elapsed > ticket.Client.Policy.Resolution)
        {
            return true;
        }
        return ticket.IsSolved ? false : null;
    }

    internal static Duration ResolutionElapsed(SampleTicket ticket, Instant end)
    {
        var calendar = ticket.Client.Policy.Calendar;
        var until = ticket.IsSolved && ticket.Solved is { } solved ? solved : end;
        return calendar.Elapsed(ticket.Created, until) - Paused(ticket, until);
    }

    internal static Duration Paused(SampleTicket ticket, Instant until, string? state = null)
    {
        var calendar = ticket.Client.Policy.Calendar;
        var paused = Duration.Zero;
        foreach (var pause in ticket.Pauses)
        {
            if (state is not null && pause.State != state)
            {
                continue;
            }
            var to = pause.To < until ? pause.To : until;
            paused += calendar.Elapsed(pause.From, to);
        }
        return paused;
    }

    /// <summary>Wall-clock time spent in a pause state, for the Zendesk export's wait-time columns.</summary>
    internal static Duration WallPaused(SampleTicket ticket, Instant until, string state)
    {
        var total = Duration.Zero;
        foreach (var pause in ticket.Pauses)
        {
            if (pause.State == state)
            {
                var to = pause.To < until ? pause.To : until;
                if (to > pause.From)
                {
                    total += to - pause.From;
                }
            }
        }
        return total;
    }
}
