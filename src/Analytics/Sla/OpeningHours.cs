using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>
/// One weekly open interval on the local clock, e.g. Monday 09:00–18:00.
/// <see cref="Closes"/> = 00:00 means midnight at the end of the day (24:00), so 00:00–00:00 is the whole day.
/// An interval that crosses midnight is given as two: Friday 22:00–00:00 and Saturday 00:00–02:00,
/// which keeps "a holiday closes its whole local date" unambiguous.
/// </summary>
public readonly record struct OpeningHours(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes)
{
    internal const long NanosecondsPerDay = NodaConstants.NanosecondsPerDay;

    internal long OpensNanos => Opens.NanosecondOfDay;

    internal long ClosesNanos => Closes == LocalTime.Midnight ? NanosecondsPerDay : Closes.NanosecondOfDay;

    /// <summary>Throws when the interval is empty, crosses midnight or names no weekday.</summary>
    internal void Validate()
    {
        if (Day == IsoDayOfWeek.None)
        {
            throw new ArgumentException("Opening hours need a weekday.");
        }

        if (ClosesNanos <= OpensNanos)
        {
            throw new ArgumentException(
                $"{Day} {Opens:HH:mm}-{Closes:HH:mm}: end before start; split an interval that crosses midnight into two days.");
        }
    }

    /// <summary>Every day of the week, 00:00–24:00.</summary>
    public static IReadOnlyList<OpeningHours> AllWeek { get; } =
        Enumerable.Range(1, 7).Select(d => new OpeningHours((IsoDayOfWeek)d, LocalTime.Midnight, LocalTime.Midnight)).ToArray();

    /// <summary>Monday to Friday, the same hours each day.</summary>
    public static IReadOnlyList<OpeningHours> Weekdays(LocalTime opens, LocalTime closes) =>
        Enumerable.Range(1, 5).Select(d => new OpeningHours((IsoDayOfWeek)d, opens, closes)).ToArray();
}
