using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents;

/// <summary>
/// How figures read on paper: the same numbers as <c>metrics</c> prints (one decimal, more where rounding would
/// contradict the verdict), with their unit, and "–" for a figure with no data behind it.
/// </summary>
internal static class ReportText
{
    public const string NotMeasured = ValueFormat.NotMeasured;

    public static string Month(LocalDate month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string ShortMonth(LocalDate month) => month.ToString("MMM", CultureInfo.InvariantCulture);

    /// <summary>"Oct 2025": for a month in a list spanning two years.</summary>
    public static string MonthYear(LocalDate month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double? value) => ValueFormat.Percent.Format(value);

    /// <summary>A figure against its target with the places that decide it (94.97 %, never 95.0 %), else one place.</summary>
    public static string Shown(TargetCheck? check, ValueFormat format) =>
        check is { Actual: not null } ? Minus(check.Shown(format.Decimals)) + format.Suffix : NotMeasured;

    /// <summary>A typographic minus, as <see cref="ValueFormat"/> prints negatives.</summary>
    public static string Minus(string number) => number.Replace('-', '−');

    /// <summary>"≥ 95 %" / "&lt; 10 %": how the plan states a target.</summary>
    public static string Target(TargetCheck check, ValueFormat format) =>
        (check.Direction switch { TargetDirection.AtLeast => "≥ ", TargetDirection.Above => "> ", _ => "< " }) + Trim(check.Target) + format.Suffix;

    /// <summary>A target as configured: 93.79 stays 93.79, 95 prints 95.</summary>
    public static string Trim(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Verdict(TargetCheck? check) => check?.Met switch
    {
        true => "Met",
        false => "Missed",
        null => "Not measured",
    };

    public static TableCell VerdictCell(TargetCheck? check) => check?.Met switch
    {
        true => new TableCell("Met", CellTone.Met),
        false => new TableCell("Missed", CellTone.Missed),
        null => new TableCell("Not measured", CellTone.Muted),
    };

    /// <summary>A figure cell, muted when not measured.</summary>
    public static TableCell Cell(string text) => text == NotMeasured ? new TableCell(text, CellTone.Muted) : new TableCell(text);

    /// <summary>The Wilson 95 % interval of a proportion, "90.1–95.2 %".</summary>
    public static string Interval(Proportion proportion) =>
        proportion.Lower95 is { } low && proportion.Upper95 is { } high
            ? string.Create(CultureInfo.InvariantCulture, $"{low:F1}–{high:F1} %")
            : NotMeasured;

    public static string Nps(double? score) => score is { } s ? Minus(s.ToString("F1", CultureInfo.InvariantCulture)) : NotMeasured;

    /// <summary>A duration to the minute as `metrics` prints it: "15m", "4h05m", and from two days "8d08h".</summary>
    public static string Duration(Duration? duration)
    {
        if (duration is not { } d)
        {
            return NotMeasured;
        }
        var minutes = Math.Max(0, (long)Math.Round(d.TotalMinutes));
        return minutes switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes}m"),
            < 48 * 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440}d{minutes % 1440 / 60:00}h"),
        };
    }

    /// <summary>A target duration as the plan states it: "8 h", "1 h 30 min", "15 min", "7 d".</summary>
    public static string Span(Duration duration)
    {
        var minutes = (long)Math.Round(duration.TotalMinutes);
        if (minutes >= 48 * 60 && minutes % (24 * 60) == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / (24 * 60)} d");
        }
        return (minutes / 60, minutes % 60) switch
        {
            (0, var m) => string.Create(CultureInfo.InvariantCulture, $"{m} min"),
            (var h, 0) => string.Create(CultureInfo.InvariantCulture, $"{h} h"),
            var (h, m) => string.Create(CultureInfo.InvariantCulture, $"{h} h {m} min"),
        };
    }

    public static string Hours(double? hours) => hours is { } h ? h.ToString("F1", CultureInfo.InvariantCulture) + " h" : NotMeasured;

    public static string Minutes(double? minutes) => minutes is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) + " min" : NotMeasured;

    /// <summary>"2026-10-31 23:29": an instant on the reporting zone's clock.</summary>
    public static string Stamp(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-10-31".</summary>
    public static string Day(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"business", "starter" → "Business", "Starter".</summary>
    public static string Title(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');

    /// <summary>"API", "Email", "Chat": channel keys as a reader names them.</summary>
    public static string Channel(string key) => key switch
    {
        "api" => "API",
        "(none)" => "No channel",
        _ => Title(key),
    };
}
