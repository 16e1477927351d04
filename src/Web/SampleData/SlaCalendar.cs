using NodaTime;

namespace SupportLens.Web.SampleData;

/// <summary>
/// The clock a tier's SLA runs on (DESIGN.md §4): Mon–Fri business hours in America/New_York without US holidays,
/// or 24×7. The generator works in policy time (how long the ticket waited by the SLA's clock) and converts it to
/// wall-clock instants here, so a starter ticket raised on Friday night is answered on Monday morning.
/// </summary>
internal sealed class SlaCalendar
{
    private readonly DateTimeZone _zone;
    private readonly LocalTime _open;
    private readonly LocalTime _close;

    private SlaCalendar(DateTimeZone zone, LocalTime open, LocalTime close, bool allHours)
    {
        _zone = zone;
        _open = open;
        _close = close;
        AllHours = allHours;
    }

    internal static readonly SlaCalendar TwentyFourSeven = new(DateTimeZone.Utc, LocalTime.Midnight, LocalTime.Midnight, allHours: true);

    internal static SlaCalendar BusinessHours(int openHour, int closeHour) =>
        new(SampleDataOptions.ReportingZone, new LocalTime(openHour, 0), new LocalTime(closeHour, 0), allHours: false);

    internal bool AllHours { get; }

    internal string Description => AllHours ? "24×7" : $"Mon–Fri {_open:HH:mm}–{_close:HH:mm} America/New_York";

    private bool IsWorkingDay(LocalDate day) =>
        day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && !PublicHolidays.For("US", day.Year).Contains(day);

    private (Instant Open, Instant Close) Window(LocalDate day) =>
        (_zone.AtLeniently(day.At(_open)).ToInstant(), _zone.AtLeniently(day.At(_close)).ToInstant());

    /// <summary>The instant at which <paramref name="work"/> of policy time has elapsed after <paramref name="start"/>.</summary>
    internal Instant Add(Instant start, Duration work)
    {
        if (AllHours)
        {
            return start + work;
        }
        var remaining = work;
        var day = start.InZone(_zone).Date;
        for (var guard = 0; guard < 3660; guard++, day = day.PlusDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            var (open, close) = Window(day);
            var from = start > open ? start : open;
            if (from >= close)
            {
                continue;
            }
            var available = close - from;
            if (available >= remaining)
            {
                return from + remaining;
            }
            remaining -= available;
        }
        return start + work;
    }

    /// <summary>Policy time between two instants.</summary>
    internal Duration Elapsed(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }
        if (AllHours)
        {
            return to - from;
        }
        var total = Duration.Zero;
        var last = to.InZone(_zone).Date;
        for (var day = from.InZone(_zone).Date; day <= last; day = day.PlusDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            var (open, close) = Window(day);
            var a = from > open ? from : open;
            var b = to < close ? to : close;
            if (b > a)
            {
                total += b - a;
            }
        }
        return total;
    }
}

/// <summary>A tier's targets from the support plan (DESIGN.md §4).</summary>
internal sealed record SlaPolicy(Tier Tier, Duration FirstResponse, Duration Resolution, SlaCalendar Calendar, double CsatTarget, double FcrTarget)
{
    internal static readonly SlaPolicy Starter = new(Tier.Starter, Duration.FromHours(8), Duration.FromHours(24), SlaCalendar.BusinessHours(9, 18), 0.85, 0.85);
    internal static readonly SlaPolicy Professional = new(Tier.Professional, Duration.FromHours(4), Duration.FromHours(12), SlaCalendar.BusinessHours(7, 21), 0.90, 0.90);
    internal static readonly SlaPolicy Business = new(Tier.Business, Duration.FromHours(2), Duration.FromHours(8), SlaCalendar.TwentyFourSeven, 0.95, 0.95);
    internal static readonly SlaPolicy Enterprise = new(Tier.Enterprise, Duration.FromHours(1), Duration.FromHours(4), SlaCalendar.TwentyFourSeven, 0.98, 0.98);

    internal static SlaPolicy For(Tier tier) => tier switch
    {
        Tier.Starter => Starter,
        Tier.Professional => Professional,
        Tier.Business => Business,
        _ => Enterprise,
    };
}
