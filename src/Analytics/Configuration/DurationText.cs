using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace SupportLens.Analytics.Configuration;

/// <summary>
/// Durations as configuration writes them: "8h", "90m", "1h30m", "45s"; "d" and "w" are 24 h and 168 h of counted
/// time (on a business calendar that is not a working day, so files written by us use hours).
/// </summary>
internal static partial class DurationText
{
    public static bool TryParse(string? text, out Duration duration)
    {
        duration = Duration.Zero;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        duration = Duration.FromDays(Part("w") * 7 + Part("d")) + Duration.FromHours(Part("h"))
            + Duration.FromMinutes(Part("m")) + Duration.FromSeconds(Part("s"));
        return true;
    }

    public static string Format(Duration duration)
    {
        var total = (long)duration.TotalSeconds;
        var text = new StringBuilder();
        if (total / 3600 > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{total / 3600}h");
        }

        if (total % 3600 / 60 > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{total % 3600 / 60}m");
        }

        if (total % 60 > 0 || text.Length == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{total % 60}s");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?:(?<w>\d{1,5})w)?(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,7})h)?(?:(?<m>\d{1,9})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
