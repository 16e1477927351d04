using System.Globalization;
using ScottPlot;
using SkiaSharp;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Charts;

/// <summary>
/// Date ticks in the reporting time zone at calendar steps (hours, days, Mondays, months, years), the finest
/// step whose labels, measured in the report font, fit side by side without touching.
/// </summary>
internal static class TimeAxis
{
    private enum Unit
    {
        Hour,
        Day,
        Week,
        Month,
        Year,
    }

    private static readonly (Unit Unit, int Count)[] Steps =
    [
        (Unit.Hour, 1), (Unit.Hour, 3), (Unit.Hour, 6), (Unit.Hour, 12),
        (Unit.Day, 1), (Unit.Day, 2), (Unit.Week, 1), (Unit.Week, 2),
        (Unit.Month, 1), (Unit.Month, 2), (Unit.Month, 3), (Unit.Month, 6),
        (Unit.Year, 1), (Unit.Year, 2), (Unit.Year, 5), (Unit.Year, 10),
    ];

    public static double X(DateTime local) => local.ToOADate();

    public static void Apply(IAxis axis, DateTime first, DateTime last, float width, ReportTheme theme)
    {
        var ticks = Choose(first, last, width, theme);
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(t => X(t.At)).ToArray(),
            ticks.Select(t => t.Label).ToArray());
    }

    internal static IReadOnlyList<(DateTime At, string Label)> Choose(DateTime first, DateTime last, float width, ReportTheme theme)
    {
        if (last <= first)
        {
            return [(first, Label(first, Unit.Day, isFirst: true))];
        }

        using var font = new SKFont(ReportFonts.Typeface(FontFace.Regular), theme.ChartTickSize);
        var minimumGap = theme.ChartTickSize * 1.5f;
        var pointsPerDay = width / (float)(last - first).TotalDays;
        foreach (var (unit, count) in Steps)
        {
            var ticks = Enumerate(first, last, unit, count).ToList();
            if (ticks.Count == 0 || ticks.Count > 400)
            {
                continue;
            }

            var labelled = ticks.Select((t, i) => (At: t, Label: Label(t, unit, i == 0))).ToList();
            var widest = labelled.Max(t => font.MeasureText(t.Label));
            var spacing = ticks.Count == 1 ? width : (float)(ticks[1] - ticks[0]).TotalDays * pointsPerDay;
            if (spacing >= widest + minimumGap)
            {
                return labelled;
            }
        }

        return [(first, Label(first, Unit.Year, true)), (last, Label(last, Unit.Year, false))];
    }

    private static IEnumerable<DateTime> Enumerate(DateTime first, DateTime last, Unit unit, int count)
    {
        var t = unit switch
        {
            Unit.Hour => new DateTime(first.Year, first.Month, first.Day, first.Hour, 0, 0).AddHours(first.Minute > 0 ? 1 : 0),
            Unit.Day => first.Date.AddDays(first.TimeOfDay > TimeSpan.Zero ? 1 : 0),
            Unit.Week => NextMonday(first),
            Unit.Month => new DateTime(first.Year, first.Month, 1).AddMonths(first.Day > 1 || first.TimeOfDay > TimeSpan.Zero ? 1 : 0),
            _ => new DateTime(first.Year, 1, 1).AddYears(first.DayOfYear > 1 || first.TimeOfDay > TimeSpan.Zero ? 1 : 0),
        };
        if (unit == Unit.Hour)
        {
            while (t.Hour % count != 0)
            {
                t = t.AddHours(1);
            }
        }
        else if (unit == Unit.Month)
        {
            while ((t.Month - 1) % count != 0)
            {
                t = t.AddMonths(1);
            }
        }
        else if (unit == Unit.Year)
        {
            while (t.Year % count != 0)
            {
                t = t.AddYears(1);
            }
        }

        for (; t <= last; t = Advance(t, unit, count))
        {
            yield return t;
        }
    }

    private static DateTime NextMonday(DateTime first)
    {
        var day = first.Date.AddDays(first.TimeOfDay > TimeSpan.Zero ? 1 : 0);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateTime Advance(DateTime t, Unit unit, int count) => unit switch
    {
        Unit.Hour => t.AddHours(count),
        Unit.Day => t.AddDays(count),
        Unit.Week => t.AddDays(7 * count),
        Unit.Month => t.AddMonths(count),
        _ => t.AddYears(count),
    };

    private static string Label(DateTime t, Unit unit, bool isFirst)
    {
        var text = unit switch
        {
            Unit.Hour when t.TimeOfDay != TimeSpan.Zero => t.ToString("HH':'mm", CultureInfo.InvariantCulture),
            Unit.Hour or Unit.Day or Unit.Week => t.ToString("MMM d", CultureInfo.InvariantCulture),
            Unit.Month when isFirst || t.Month == 1 => t.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            Unit.Month => t.ToString("MMM", CultureInfo.InvariantCulture),
            _ => t.ToString("yyyy", CultureInfo.InvariantCulture),
        };
        return text;
    }
}
