using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SupportLens.Web.Cli;

/// <summary>The instant open items are judged at: `--as-of`, else the data's horizon; every output prints it.</summary>
internal static class AsOf
{
    /// <summary>An ISO-8601 instant with an offset or Z, or a date (its end in UTC is not guessed: a date means 00:00Z).</summary>
    internal static Instant Parse(string text)
    {
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text.Trim());
        if (offset.Success)
        {
            return offset.Value.ToInstant();
        }
        var date = LocalDatePattern.Iso.Parse(text.Trim());
        if (date.Success)
        {
            return date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        }
        throw new FormatException($"--as-of '{text}' is not an instant like 2026-10-31T23:00:00Z or a date like 2026-10-31");
    }

    internal static string Describe(Instant? asOf, DateTimeZone zone) => asOf is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"as of {at.InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Id} (open tickets and incidents are judged at this instant)")
        : "as of: no data yet";
}
