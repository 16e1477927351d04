using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>
/// Opening hours normalised per weekday: sorted, merged ranges of nanoseconds since local midnight.
/// Merging here means touching intervals (09:00–12:00, 12:00–18:00) behave exactly like one.
/// </summary>
internal sealed class WeeklySchedule
{
    private readonly (long Start, long End)[][] _byDay = new (long, long)[8][];

    public WeeklySchedule(IEnumerable<OpeningHours> hours)
    {
        var lists = Enumerable.Range(0, 8).Select(_ => new List<(long Start, long End)>()).ToArray();
        foreach (var h in hours)
        {
            h.Validate();
            lists[(int)h.Day].Add((h.OpensNanos, h.ClosesNanos));
        }

        for (var d = 0; d < 8; d++)
        {
            _byDay[d] = Merge(lists[d]);
        }

        IsEmpty = _byDay.All(d => d.Length == 0);
        IsAllWeek = Enumerable.Range(1, 7).All(d =>
            _byDay[d] is [var only] && only.Start == 0 && only.End == OpeningHours.NanosecondsPerDay);
    }

    public bool IsEmpty { get; }

    /// <summary>Open around the clock every day: business time is wall time whatever the zone does.</summary>
    public bool IsAllWeek { get; }

    public (long Start, long End)[] For(IsoDayOfWeek day) => _byDay[(int)day];

    public IEnumerable<OpeningHours> ToOpeningHours()
    {
        for (var d = 1; d <= 7; d++)
        {
            foreach (var (start, end) in _byDay[d])
            {
                yield return new OpeningHours(
                    (IsoDayOfWeek)d,
                    LocalTime.FromNanosecondsSinceMidnight(start),
                    end == OpeningHours.NanosecondsPerDay ? LocalTime.Midnight : LocalTime.FromNanosecondsSinceMidnight(end));
            }
        }
    }

    private static (long Start, long End)[] Merge(List<(long Start, long End)> ranges)
    {
        ranges.Sort();
        var merged = new List<(long Start, long End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged.ToArray();
    }
}
