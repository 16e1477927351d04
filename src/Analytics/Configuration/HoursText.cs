using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SupportLens.Analytics.Configuration;

/// <summary>Weekly hours as configuration writes them: day keys ("mon", "mon-fri", "daily") and "HH:mm-HH:mm" ranges.</summary>
internal static class HoursText
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.Create("HH':'mm", CultureInfo.InvariantCulture);

    public static string KnownDayKeys => "mon..sun, a range like mon-fri, or daily";

    /// <summary>The weekdays a key names, or null when it names none.</summary>
    public static IsoDayOfWeek[]? ParseDays(string key)
    {
        if (key == "daily")
        {
            return Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).ToArray();
        }

        var parts = key.Split('-');
        var first = Array.IndexOf(DayNames, parts[0]);
        var last = parts.Length == 2 ? Array.IndexOf(DayNames, parts[1]) : first;
        if (parts.Length > 2 || first < 0 || last < first)
        {
            return null;
        }

        return Enumerable.Range(first + 1, last - first + 1).Select(d => (IsoDayOfWeek)d).ToArray();
    }

    /// <summary>Parses "09:00-18:00" ("24:00" allowed as the end); the error says what is wrong.</summary>
    public static bool TryParseRange(string text, out LocalTime opens, out LocalTime closes, out string error)
    {
        opens = closes = LocalTime.Midnight;
        error = $"\"{text}\" is not a time range like \"09:00-18:00\"";
        var parts = text.Split('-');
        if (parts.Length != 2 || !TryParseTime(parts[0], out opens, out var opensAtEnd) || opensAtEnd
            || !TryParseTime(parts[1], out closes, out var closesAtEnd))
        {
            return false;
        }

        var closesNanos = closesAtEnd ? NodaConstants.NanosecondsPerDay : closes.NanosecondOfDay;
        if (closesNanos <= opens.NanosecondOfDay)
        {
            error = $"\"{text}\": end before start; split a range that crosses midnight over two days (\"22:00-24:00\", \"00:00-02:00\")";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseTime(string text, out LocalTime time, out bool endOfDay)
    {
        endOfDay = text == "24:00";
        if (endOfDay)
        {
            time = LocalTime.Midnight;
            return true;
        }

        var result = TimePattern.Parse(text);
        time = result.Success ? result.Value : LocalTime.Midnight;
        return result.Success;
    }
}
