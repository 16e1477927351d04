namespace SupportLens.Storage.Data;

/// <summary>
/// DuckDB's INTERVAL: months, days and microseconds are kept apart because a month has no fixed length.
/// </summary>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    public static DuckDbInterval FromTimeSpan(TimeSpan span) => new(0, 0, span.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>The interval as a TimeSpan, counting a day as 24 hours; fails when months are set.</summary>
    public TimeSpan ToTimeSpan()
    {
        if (Months != 0)
        {
            throw new InvalidOperationException($"An interval of {Months} month(s) has no fixed length and cannot become a TimeSpan.");
        }
        return TimeSpan.FromDays(Days) + TimeSpan.FromTicks(Micros * TimeSpan.TicksPerMicrosecond);
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Months} months {Days} days {Micros} us");
}
