using System.Data.Common;

namespace SupportLens.Storage.Sql;

/// <summary>Reads values the same way everywhere: instants as UTC <see cref="DateTimeOffset"/>, never a local DateTime.</summary>
public static class ReaderExtensions
{
    /// <summary>A TIMESTAMPTZ (or TIMESTAMP, taken as UTC) column as a UTC instant.</summary>
    public static DateTimeOffset GetDateTimeOffset(this DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime time => WarehouseReader.AsInstant(time),
        var other => throw new InvalidCastException(
            $"Column {ordinal + 1} ({reader.GetName(ordinal)}) holds {other.GetType().Name}, not a timestamp."),
    };

    public static DateTimeOffset? GetNullableDateTimeOffset(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDateTimeOffset(ordinal);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static double? GetNullableDouble(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A DATE column as a <see cref="DateOnly"/>.</summary>
    public static DateOnly GetDateOnly(this DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        var other => throw new InvalidCastException(
            $"Column {ordinal + 1} ({reader.GetName(ordinal)}) holds {other.GetType().Name}, not a date."),
    };
}
