using NodaTime;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// The rules of an interval volume row (DESIGN.md §3) beyond its single fields: an interval of 15, 30, 60 or 1440
/// minutes that starts on its boundary in the file's time zone (a day at midnight), and no more contacts handled and
/// abandoned than offered. Exports write intervals in local wall-clock time, so across DST a naive start is settled
/// here rather than leniently: a start the clock skipped is rejected (it would land on the next real interval), and a
/// start the clock repeats is the earlier instant the first time a series lists it and the later one the second time,
/// so the 25-hour night keeps all of its intervals.
/// </summary>
internal sealed class VolumeIntervals(KindSchema schema, TimestampParser time, FieldRule startRule)
{
    private static readonly long[] Lengths = [15, 30, 60, 1440];

    private readonly int _start = schema.FieldIndex["interval_start"];
    private readonly int _minutes = schema.FieldIndex["interval_minutes"];
    private readonly int _channel = schema.FieldIndex["channel"];
    private readonly int _client = schema.FieldIndex["client_id"];
    private readonly int _queue = schema.FieldIndex["queue"];
    private readonly int _offered = schema.FieldIndex["offered"];
    private readonly int _handled = schema.FieldIndex["handled"];
    private readonly int _abandoned = schema.FieldIndex["abandoned"];

    // Repeated wall-clock starts already met, per series: the next one of the same series is the later instant.
    private readonly HashSet<(long, string?, string?, string?, LocalDateTime)> _repeated = [];

    /// <summary>The field at fault and why, or null when the row is a valid interval (its start settled in <paramref name="parsed"/>).</summary>
    public (string Field, string Reason)? Check(object?[] parsed, string?[] fields)
    {
        var minutes = (long)parsed[_minutes]!;
        if (!Lengths.Contains(minutes))
        {
            return ("interval_minutes", "interval_minutes must be 15, 30, 60 or 1440");
        }
        var zone = time.Zone;
        if (startRule.OffsetFrom is null && zone != DateTimeZone.Utc && fields[_start] is { } text
            && TimestampParser.TryParseNaive(text, startRule.Format, out var local))
        {
            var mapping = zone.MapLocal(local);
            if (minutes == 1440 && local.TimeOfDay == LocalTime.Midnight)
            {
                // Where a DST change skips midnight, the day starts when the clock does.
                parsed[_start] = zone.AtStartOfDay(local.Date).ToDateTimeUtc();
            }
            else if (mapping.Count == 0)
            {
                return ("interval_start", $"interval_start {local:yyyy'-'MM'-'dd HH':'mm} does not exist in {zone.Id} (the clock skipped it)");
            }
            else if (mapping.Count == 2)
            {
                var series = (minutes, parsed[_channel] as string, parsed[_client] as string, parsed[_queue] as string, local);
                parsed[_start] = (_repeated.Add(series) ? mapping.First() : mapping.Last()).ToDateTimeUtc();
            }
        }
        var start = (DateTime)parsed[_start]!;
        var wall = Instant.FromDateTimeUtc(start).InZone(zone);
        var aligned = minutes == 1440
            ? wall.ToInstant() == zone.AtStartOfDay(wall.Date).ToInstant()
            : (wall.Hour * 60 + wall.Minute) % minutes == 0 && wall.Second == 0 && wall.NanosecondOfSecond == 0;
        if (!aligned)
        {
            return ("interval_start", $"interval_start {wall.LocalDateTime:HH':'mm} ({zone.Id}) is not on a {minutes}-minute boundary" +
                                      (minutes == 1440 ? " (a day starts at midnight)" : ""));
        }
        var offered = (long)parsed[_offered]!;
        var handled = parsed[_handled] as long? ?? 0;
        var abandoned = parsed[_abandoned] as long? ?? 0;
        if (handled + abandoned > offered)
        {
            return (parsed[_handled] is null ? "abandoned" : "handled", $"handled ({handled}) + abandoned ({abandoned}) is more than offered ({offered})");
        }
        return null;
    }
}
