using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>
/// When support is open: weekly hours on the local clock of a time zone, less holidays (closed the whole local date).
/// An instant is open when its local date is not a holiday and its local time of day falls in one of that weekday's
/// intervals. Business time between two instants is the real elapsed time of the open instants between them, so a
/// 09:00–18:00 day is 9 h on a DST-change day unless the change falls inside the open hours (then 8 h or 10 h).
/// Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    // Explicit holiday lists are finite and rules close a few days a year; a calendar closed this long is misconfigured.
    private const int MaxClosedDays = 366 * 20;

    private readonly WeeklySchedule _schedule;

    public BusinessCalendar(string name, DateTimeZone zone, IEnumerable<OpeningHours> hours, HolidaySet? holidays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        _schedule = new WeeklySchedule(hours);
        if (_schedule.IsEmpty)
        {
            throw new ArgumentException($"Calendar \"{name}\" has no opening hours.", nameof(hours));
        }

        Name = name;
        Zone = zone;
        Holidays = holidays ?? HolidaySet.None;
        Hours = _schedule.ToOpeningHours().ToArray();
        IsAlwaysOpen = _schedule.IsAllWeek && Holidays.IsEmpty;
    }

    /// <summary>Open around the clock, every day (business time equals wall time).</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new("24x7", DateTimeZone.Utc, OpeningHours.AllWeek);

    public string Name { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Normalised weekly hours: per weekday, sorted and merged.</summary>
    public IReadOnlyList<OpeningHours> Hours { get; }

    public HolidaySet Holidays { get; }

    public bool IsAlwaysOpen { get; }

    /// <summary>Open time in [start, end); zero when end &lt;= start.</summary>
    public Duration BusinessTimeBetween(Instant start, Instant end)
    {
        if (end <= start)
        {
            return Duration.Zero;
        }

        if (IsAlwaysOpen)
        {
            return end - start;
        }

        var total = Duration.Zero;
        foreach (var open in OpenIntervals(start, end))
        {
            total += open.Duration;
        }

        return total;
    }

    /// <summary>
    /// The earliest instant at which <paramref name="businessTime"/> of open time has passed since
    /// <paramref name="start"/>: the deadline of a target. Inverse of <see cref="BusinessTimeBetween"/>.
    /// </summary>
    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        if (businessTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "Business time cannot be negative.");
        }

        if (businessTime == Duration.Zero)
        {
            return start;
        }

        var remaining = businessTime;
        foreach (var open in OpenIntervals(start, Instant.MaxValue))
        {
            if (open.Duration >= remaining)
            {
                return open.Start + remaining;
            }

            remaining -= open.Duration;
        }

        throw new InvalidOperationException($"Calendar \"{Name}\" has no open time after {start}.");
    }

    public bool IsOpen(Instant instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var local = instant.InZone(Zone).LocalDateTime;
        if (Holidays.IsHoliday(local.Date))
        {
            return false;
        }

        var nanos = local.TimeOfDay.NanosecondOfDay;
        foreach (var (open, close) in _schedule.For(local.DayOfWeek))
        {
            if (nanos >= open && nanos < close)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> at which the calendar is open.</summary>
    public Instant NextOpening(Instant instant)
    {
        foreach (var open in OpenIntervals(instant, Instant.MaxValue))
        {
            return open.Start;
        }

        throw new InvalidOperationException($"Calendar \"{Name}\" has no open time after {instant}.");
    }

    /// <summary>
    /// Open intervals inside [from, until), in instant order. Walks zone interval by zone interval (within one, local
    /// time is instant + a fixed offset, so gaps and overlaps need no special case), and inside each day by day.
    /// </summary>
    internal IEnumerable<Interval> OpenIntervals(Instant from, Instant until)
    {
        if (IsAlwaysOpen)
        {
            if (from < until)
            {
                yield return new Interval(from, until);
            }

            yield break;
        }

        var cursor = from;
        var closedDays = 0;
        while (cursor < until)
        {
            var zoneInterval = Zone.GetZoneInterval(cursor);
            var segmentEnd = zoneInterval.HasEnd && zoneInterval.End < until ? zoneInterval.End : until;
            var offset = zoneInterval.WallOffset;
            for (var date = cursor.WithOffset(offset).Date; ; date = date.PlusDays(1))
            {
                var midnight = date.AtMidnight().WithOffset(offset).ToInstant();
                if (midnight >= segmentEnd)
                {
                    break;
                }

                var yielded = false;
                if (!Holidays.IsHoliday(date))
                {
                    foreach (var (open, close) in _schedule.For(date.DayOfWeek))
                    {
                        var start = Max(cursor, midnight + Duration.FromNanoseconds(open));
                        var end = Min(segmentEnd, midnight + Duration.FromNanoseconds(close));
                        if (start < end)
                        {
                            yielded = true;
                            yield return new Interval(start, end);
                        }
                    }
                }

                closedDays = yielded ? 0 : closedDays + 1;
                if (closedDays > MaxClosedDays)
                {
                    throw new InvalidOperationException($"Calendar \"{Name}\" has no open time for 20 years after {date}.");
                }
            }

            cursor = segmentEnd;
        }
    }

    public override string ToString() => Name;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
