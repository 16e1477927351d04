using System.Globalization;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// Durations as contact-centre exports write them, for fields counted in seconds: <c>h:mm:ss</c> (also <c>hh:mm:ss</c>,
/// <c>mm:ss</c>, <c>m:ss</c>; hours may pass 24, seconds may have a fraction) or <c>ms</c> (milliseconds).
/// </summary>
internal static class Durations
{
    private static readonly string[] Clock = ["h:mm:ss", "hh:mm:ss", "mm:ss", "m:ss"];

    public static bool IsFormat(string format) => format == "ms" || Clock.Contains(format);

    public static double? Seconds(string text, string format)
    {
        var trimmed = text.Trim();
        if (format == "ms")
        {
            return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && double.IsFinite(ms) ? ms / 1000 : null;
        }
        var parts = trimmed.Split(':');
        var expected = format.Count(c => c == ':') + 1;
        if (parts.Length != expected)
        {
            return null;
        }
        double total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (!double.TryParse(parts[i], last ? NumberStyles.Float : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < 0 || (i > 0 && value >= 60))
            {
                return null;
            }
            total = total * 60 + value;
        }
        return total;
    }
}
