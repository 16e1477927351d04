using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// The mapping-file format that would read a time the generic profile does not: a spreadsheet's month-first or
/// day-first date (day-first when its first number cannot be a month; month-first otherwise, as US Excel writes), a
/// dotted European date, a serial day number, or epoch seconds or milliseconds. Only a suggestion in the message: which order an export
/// uses is the export's to say.
/// </summary>
internal static partial class TimeFormatHint
{
    public static string? For(string text)
    {
        var t = text.Trim();
        if (Epoch().IsMatch(t))
        {
            return t.Length <= 10 ? "unix" : t.Length == 13 ? "unix_ms" : null;
        }
        if (Serial().IsMatch(t))
        {
            return "excel";
        }
        var match = Spreadsheet().Match(t);
        if (!match.Success)
        {
            return null;
        }
        var first = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
        var separator = match.Groups["sep"].Value;
        var date = separator == "."
            ? "dd.MM.yyyy"
            : first > 12 ? $"dd{separator}MM{separator}yyyy" : $"MM{separator}dd{separator}yyyy";
        if (match.Groups["a"].Length == 1 || match.Groups["b"].Length == 1)
        {
            // 1/5/2026: single digits need single-letter patterns.
            date = date.Replace("dd", "d", StringComparison.Ordinal).Replace("MM", "M", StringComparison.Ordinal);
        }
        var time = match.Groups["time"].Value;
        return time.Length == 0 ? date : $"{date} {(time.Count(c => c == ':') == 2 ? "HH:mm:ss" : "HH:mm")}";
    }

    /// <summary>A spreadsheet's serial day of 1970-2099 (25569-73050), maybe with the time as a fraction.</summary>
    [GeneratedRegex(@"^[2-7]\d{4}(\.\d+)?$")]
    private static partial Regex Serial();

    [GeneratedRegex(@"^\d{9,13}$")]
    private static partial Regex Epoch();

    [GeneratedRegex(@"^(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>\d{4}(?<time> \d{2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex Spreadsheet();
}
