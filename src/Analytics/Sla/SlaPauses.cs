using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>Periods in which the resolution clock stops: the ticket waits on the customer (pending) or a third party (on hold).</summary>
public static class SlaPauses
{
    public static bool Pauses(TicketStatus status) => status is TicketStatus.Pending or TicketStatus.OnHold;

    /// <summary>
    /// Pause intervals from status changes known as of <paramref name="asOf"/> (later changes are ignored); a pause
    /// still running at <paramref name="asOf"/> ends there. The result is sorted and non-overlapping.
    /// </summary>
    public static IReadOnlyList<Interval> FromStatusChanges(IEnumerable<TicketStatusChange> changes, Instant asOf)
    {
        var pauses = new List<Interval>();
        Instant? pausedSince = null;
        foreach (var change in changes.Where(c => c.OccurredAt <= asOf).OrderBy(c => c.OccurredAt))
        {
            if (Pauses(change.Status))
            {
                pausedSince ??= change.OccurredAt;
            }
            else if (pausedSince is { } since)
            {
                Add(pauses, since, change.OccurredAt);
                pausedSince = null;
            }
        }

        if (pausedSince is { } open)
        {
            Add(pauses, open, asOf);
        }

        return pauses;
    }

    /// <summary>Sorted, merged, clipped to start at or after <paramref name="from"/>; empty intervals dropped.</summary>
    internal static IReadOnlyList<Interval> Normalize(IEnumerable<Interval> pauses, Instant from)
    {
        var merged = new List<Interval>();
        foreach (var p in pauses.Where(p => p.HasStart && p.HasEnd).OrderBy(p => p.Start))
        {
            var start = p.Start < from ? from : p.Start;
            if (p.End <= start)
            {
                continue;
            }

            if (merged.Count > 0 && start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Interval(last.Start, p.End > last.End ? p.End : last.End);
            }
            else
            {
                merged.Add(new Interval(start, p.End));
            }
        }

        return merged;
    }

    private static void Add(List<Interval> pauses, Instant start, Instant end)
    {
        if (end > start)
        {
            pauses.Add(new Interval(start, end));
        }
    }
}
