using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// One follow-the-sun shift of the roster: its local hours in its own time zone (an end at or before the start
/// runs past midnight), the agents rostered on it, and the weekdays it works (every day when empty).
/// </summary>
public sealed record Shift(string Name, LocalTime Start, LocalTime End, string TimeZone, int Agents, IReadOnlyList<IsoDayOfWeek>? Days = null)
{
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone)
        ?? throw new ArgumentException($"Shift \"{Name}\": unknown time zone \"{TimeZone}\".");

    public bool WorksOn(LocalDate date) => Days is not { Count: > 0 } days || days.Contains(date.DayOfWeek);

    /// <summary>The instants the shift starts and ends on local date <paramref name="date"/> (DST-aware).</summary>
    public (Instant Start, Instant End) On(LocalDate date)
    {
        var zone = Zone;
        var start = (date + Start).InZoneLeniently(zone).ToInstant();
        var endDate = End <= Start ? date.PlusDays(1) : date;
        var end = (endDate + End).InZoneLeniently(zone).ToInstant();
        return (start, end);
    }
}
