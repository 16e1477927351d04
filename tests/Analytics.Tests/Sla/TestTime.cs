using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>Readable instants for golden cases: UTC text, or a local time in a named zone (strictly: no gap/overlap guessing).</summary>
internal static class TestTime
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    public static readonly DateTimeZone Sydney = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
    public static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    public static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private static readonly LocalDateTimePattern LocalPattern =
        LocalDateTimePattern.Create("uuuu'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

    public static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    public static Instant At(DateTimeZone zone, string local) => LocalPattern.Parse(local).Value.InZoneStrictly(zone).ToInstant();

    public static Instant Ny(string local) => At(NewYork, local);

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static Duration Hours(double h) => Duration.FromMinutes((long)Math.Round(h * 60));
}
