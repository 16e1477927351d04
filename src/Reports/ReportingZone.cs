using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SupportLens.Reports;

/// <summary>The organisation's reporting time zone, in which days are cut and dates and times are printed.</summary>
/// <remarks>Resolved from NodaTime's built-in tz database, so the machine's zone files do not change a report.</remarks>
public sealed class ReportingZone
{
    private static readonly LocalDateTimePattern Stamp =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    private ReportingZone(DateTimeZone zone) => Zone = zone;

    public static ReportingZone NewYork { get; } = Of("America/New_York");

    public string Id => Zone.Id;

    internal DateTimeZone Zone { get; }

    /// <exception cref="ArgumentException">The id is not an IANA time zone.</exception>
    public static ReportingZone Of(string ianaId)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(ianaId)
            ?? throw new ArgumentException($"'{ianaId}' is not an IANA time zone (e.g. America/New_York)", nameof(ianaId));
        return new ReportingZone(zone);
    }

    /// <summary>The wall-clock time in this zone at an instant.</summary>
    public DateTime ToLocal(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The instant a local day starts in this zone (a DST gap moves it to the first valid moment).</summary>
    public DateTimeOffset StartOfDay(DateOnly day) =>
        Zone.AtStartOfDay(LocalDate.FromDateOnly(day)).ToDateTimeOffset();

    /// <summary>"2026-12-01 06:00 EST": an instant as people in this zone read it, with the zone's abbreviation.</summary>
    public string FormatStamp(DateTimeOffset instant)
    {
        var zoned = Instant.FromDateTimeOffset(instant).InZone(Zone);
        var abbreviation = zoned.GetZoneInterval().Name;
        return Stamp.Format(zoned.LocalDateTime) + " " + abbreviation.ToString(CultureInfo.InvariantCulture);
    }
}
