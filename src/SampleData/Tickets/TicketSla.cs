using NodaTime;

namespace SupportLens.SampleData.Tickets;

/// <summary>
/// SLA outcome of a ticket on its tier's policy, as DESIGN.md §4 defines it: business time on the policy's calendar
/// (Analytics' <see cref="Analytics.Sla.BusinessCalendar"/>), paused while pending or on hold; a ticket without a
/// response/solution is breached once its target has passed by the end of the history, else still active (null).
/// The generator's own reckoning, for the README's figures and the surveys, written apart from SupportLens's SLA clock
/// and ledger so that it checks them: on the sample history both count the same breaches, ticket for ticket.
/// </summary>
internal static class TicketSla
{
    internal static bool? FirstResponseBreached(SampleTicket ticket, Instant end)
    {
        var sla = ticket.Sla;
        var until = ticket.FirstResponse ?? end;
        var elapsed = sla.Calendar.BusinessTimeBetween(ticket.Created, until);
        if (elapsed > sla.FirstResponse)
        {
            return true;
        }
        return ticket.FirstResponse is null ? null : false;
    }

    internal static bool? ResolutionBreached(SampleTicket ticket, Instant end)
    {
        var elapsed = ResolutionElapsed(ticket, end);
        if (elapsed > ticket.Sla.Resolution)
        {
            return true;
        }
        return ticket.IsSolved ? false : null;
    }

    internal static Duration ResolutionElapsed(SampleTicket ticket, Instant end)
    {
        var calendar = ticket.Sla.Calendar;
        var until = ticket.IsSolved && ticket.Solved is { } solved ? solved : end;
        return calendar.BusinessTimeBetween(ticket.Created, until) - Paused(ticket, until);
    }

    internal static Duration Paused(SampleTicket ticket, Instant until, string? state = null)
    {
        var calendar = ticket.Sla.Calendar;
        var paused = Duration.Zero;
        foreach (var pause in ticket.Pauses)
        {
            if (state is not null && pause.State != state)
            {
                continue;
            }
            var to = pause.To < until ? pause.To : until;
            paused += calendar.BusinessTimeBetween(pause.From, to);
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
