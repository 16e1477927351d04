using System.Globalization;
using NodaTime;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// Reads instants: ISO-8601 with an offset or Z as given, naive ones in the file's time zone (DESIGN.md §3), or an
/// explicit .NET format from a mapping file. The ISO path is hand-written because it runs for every timestamp of
/// every row, and the framework's general parsers are several times slower.
/// </summary>
internal sealed class TimestampParser(DateTimeZone zone)
{
    private readonly bool _utc = zone == DateTimeZone.Utc;

    public DateTimeZone Zone { get; } = zone;

    /// <summary>Parses <paramref name="text"/> to UTC; <paramref name="format"/> is null for ISO-8601, "unix", "unix_ms", "excel" or a .NET format.</summary>
    public bool TryParse(string text, string? format, out DateTime utc)
    {
        utc = default;
        var span = text.AsSpan().Trim();
        if (format is null)
        {
            if (!TryParseIso(span, out var local, out var offset))
            {
                return false;
            }
            utc = offset is { } o ? Shift(local, o) : ToUtc(local);
            return true;
        }
        if (format is "unix" or "unix_ms")
        {
            // Scripts write epoch seconds with a fraction (1795000000.25); whole milliseconds are the rule.
            if (!decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            var ticks = number * (format == "unix" ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond);
            utc = Edge(DateTime.UnixEpoch.Ticks + ticks);
            return true;
        }
        if (format == "excel")
        {
            // A spreadsheet's serial date: days since 1899-12-30 (day 1 is 1900-01-01, counting Lotus's 1900-02-29), the
            // fraction the time of day, on the wall clock of the file's zone.
            if (!decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days))
            {
                return false;
            }
            var local = Edge(ExcelDayZero.Ticks + Math.Round(days * TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
            utc = local == DateTime.MinValue || local == DateTime.MaxValue ? local : ToUtc(local);
            return true;
        }
        if (format.Contains('z') || format.Contains('K'))
        {
            if (!DateTimeOffset.TryParseExact(span, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
            {
                return false;
            }
            utc = withOffset.UtcDateTime;
            return true;
        }
        if (!DateTime.TryParseExact(span, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var naive))
        {
            return false;
        }
        utc = ToUtc(naive);
        return true;
    }

    /// <summary>The wall-clock time of a timestamp written without an offset (read in <see cref="Zone"/>); false when it has one or is not a timestamp.</summary>
    public static bool TryParseNaive(string text, string? format, out LocalDateTime local)
    {
        local = default;
        var span = text.AsSpan().Trim();
        if (format is null)
        {
            if (!TryParseIso(span, out var naive, out var offset) || offset is not null)
            {
                return false;
            }
            local = LocalDateTime.FromDateTime(naive);
            return true;
        }
        if (format is "excel" && decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial < 2_958_466)
        {
            local = LocalDateTime.FromDateTime(ExcelDayZero.AddSeconds((double)Math.Round(serial * 86_400)));
            return true;
        }
        if (format is "unix" or "unix_ms" or "excel" || format.Contains('z') || format.Contains('K')
            || !DateTime.TryParseExact(span, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return false;
        }
        local = LocalDateTime.FromDateTime(exact);
        return true;
    }

    public static bool TryParseDate(string text, string? format, out DateOnly date)
    {
        var span = text.AsSpan().Trim();
        if (format == "excel")
        {
            var serial = decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days) && days < 2_958_466;
            date = serial ? DateOnly.FromDateTime(ExcelDayZero).AddDays((int)decimal.Truncate(days)) : default;
            return serial;
        }
        if (format is not null)
        {
            return DateOnly.TryParseExact(span, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
        }
        // A date column may come as a timestamp (Excel exports add midnight); the calendar date is what counts.
        if (span.Length > 10 && (span[10] == 'T' || span[10] == ' '))
        {
            span = span[..10];
        }
        return DateOnly.TryParseExact(span, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    // Gaps (spring forward) shift forward and ambiguous times (fall back) take the earlier instant: a ticket time that
    // the clock skipped or repeated is still a ticket, and an hour's doubt is better than a quarantined row.
    private DateTime ToUtc(DateTime local)
    {
        if (_utc)
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }
        var instant = LocalDateTime.FromDateTime(local).InZoneLeniently(Zone).ToInstant();
        return instant < MinInstant ? DateTime.MinValue : instant > MaxInstant ? DateTime.MaxValue : instant.ToDateTimeUtc();
    }

    private static readonly DateTime ExcelDayZero = new(1899, 12, 30);

    /// <summary>A number of ticks as a time, held at the calendar's edge beyond it (where the validator calls it implausible).</summary>
    private static DateTime Edge(decimal ticks) =>
        ticks < 0 ? DateTime.MinValue : ticks > DateTime.MaxValue.Ticks ? DateTime.MaxValue : new DateTime((long)ticks, DateTimeKind.Utc);

    private static readonly Instant MinInstant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    private static readonly Instant MaxInstant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));

    /// <summary>
    /// A wall time less its offset in UTC. A placeholder at the calendar's edge (0001-01-01T00:00+01:00) would fall off
    /// it: it becomes the edge, which the validator then rejects as implausible instead of failing the file.
    /// </summary>
    private static DateTime Shift(DateTime local, TimeSpan offset)
    {
        var ticks = local.Ticks - offset.Ticks;
        return ticks < 0 ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)
            : ticks > DateTime.MaxValue.Ticks ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
            : new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>yyyy-MM-dd[(T| )HH:mm[:ss[.fraction]]][ ][Z|UTC|±HH[:mm]|±HHmm]</summary>
    internal static bool TryParseIso(ReadOnlySpan<char> s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var i = 10;
        if (i < s.Length && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') && i + 6 <= s.Length && s[i + 3] == ':')
        {
            if (!Digits(s, i + 1, 2, out hour) || !Digits(s, i + 4, 2, out minute))
            {
                return false;
            }
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second))
                {
                    return false;
                }
                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var start = i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        scale /= 10;
                        ticks += (s[i] - '0') * scale;
                        i++;
                    }
                    if (i == start)
                    {
                        return false;
                    }
                }
            }
        }
        else if (i != s.Length)
        {
            return false;
        }
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        if (i < s.Length)
        {
            var rest = s[i..];
            if (rest is "Z" or "z" || rest.Equals("UTC", StringComparison.OrdinalIgnoreCase) || rest.Equals("GMT", StringComparison.OrdinalIgnoreCase))
            {
                offset = TimeSpan.Zero;
            }
            else if ((rest[0] == '+' || rest[0] == '-') && TryOffset(rest[1..], out var magnitude))
            {
                offset = rest[0] == '-' ? -magnitude : magnitude;
            }
            else
            {
                return false;
            }
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = default;
        int hours, minutes = 0;
        switch (s.Length)
        {
            case 2 when Digits(s, 0, 2, out hours):
                break;
            case 4 when Digits(s, 0, 2, out hours) && Digits(s, 2, 2, out minutes):
                break;
            case 5 when s[2] == ':' && Digits(s, 0, 2, out hours) && Digits(s, 3, 2, out minutes):
                break;
            default:
                return false;
        }
        if (hours > 18 || minutes > 59)
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
