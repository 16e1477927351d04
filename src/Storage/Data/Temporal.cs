namespace SupportLens.Storage.Data;

/// <summary>Conversions between DuckDB's epoch-based temporal encodings and CLR dates.</summary>
internal static class Temporal
{
    // DuckDB marks +/-infinity with the extreme values of the storage type.
    internal const int DateInfinity = int.MaxValue;
    internal const int DateNegativeInfinity = -int.MaxValue;
    internal const long TimestampInfinity = long.MaxValue;
    internal const long TimestampNegativeInfinity = -long.MaxValue;

    private static readonly long MinMicros = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    private static readonly long MaxMicros = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    private static readonly int MinDays = (int)((DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerDay);
    private static readonly int MaxDays = (int)((DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerDay);

    internal static long ToMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    internal static long ToMicros(DateTimeOffset value) => ToMicros(value.UtcDateTime);

    internal static int ToDays(DateOnly value) => value.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    internal static DateTime FromMicros(long micros)
    {
        switch (micros)
        {
            case TimestampInfinity:
                return DateTime.MaxValue;
            case TimestampNegativeInfinity:
                return DateTime.MinValue;
        }
        if (micros < MinMicros || micros > MaxMicros)
        {
            throw new OverflowException($"The timestamp ({micros} us from 1970) lies outside the years 1-9999 that .NET can hold.");
        }
        return new DateTime(DateTime.UnixEpoch.Ticks + (micros * TimeSpan.TicksPerMicrosecond), DateTimeKind.Unspecified);
    }

    internal static DateTime FromDays(int days)
    {
        switch (days)
        {
            case DateInfinity:
                return DateTime.MaxValue.Date;
            case DateNegativeInfinity:
                return DateTime.MinValue;
        }
        if (days < MinDays || days > MaxDays)
        {
            throw new OverflowException($"The date ({days} days from 1970) lies outside the years 1-9999 that .NET can hold.");
        }
        return DateTime.UnixEpoch.AddDays(days);
    }
}
