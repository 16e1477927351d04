using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SupportLens.Analytics.Metrics;

/// <summary>
/// A run of whole local days (inclusive) in the organisation's reporting time zone, and the UTC instants that
/// bound it. Days are cut at local midnight, so a period across a DST change is 23 or 25 hours longer or shorter.
/// </summary>
public sealed record ReportingPeriod(LocalDate From, LocalDate To, DateTimeZone Zone)
{
    public static ReportingPeriod Month(string yearMonth, DateTimeZone zone)
    {
        var parsed = LocalDatePattern.Iso.Parse(yearMonth + "-01");
        if (!parsed.Success || yearMonth.Length != 7)
        {
            throw new FormatException($"'{yearMonth}' is not a month like 2026-10.");
        }
        var first = parsed.Value;
        return new ReportingPeriod(first, first.PlusMonths(1).PlusDays(-1), zone);
    }

    public static ReportingPeriod Between(string from, string to, DateTimeZone zone)
    {
        var start = ParseDate(from, "--from");
        var end = ParseDate(to, "--to");
        if (end < start)
        {
            throw new FormatException($"--to {to} is before --from {from}.");
        }
        return new ReportingPeriod(start, end, zone);
    }

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset StartUtc => From.AtStartOfDayInZone(Zone).ToDateTimeOffset().ToUniversalTime();

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset EndUtc => To.PlusDays(1).AtStartOfDayInZone(Zone).ToDateTimeOffset().ToUniversalTime();

    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LocalDate ParseDate(string text, string option)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new FormatException($"{option} '{text}' is not a date like 2026-10-01.");
    }
}
