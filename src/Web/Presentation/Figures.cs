using System.Globalization;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Web.Presentation;

/// <summary>
/// How a figure is written everywhere (CLI, pages, API): rounded to two places in JSON, one on screen, a figure against a
/// target with the places that decide it (<see cref="TargetCheck.Shown"/>), "–" (or null) when nothing was measured.
/// </summary>
internal static class Figures
{
    internal static double? Round(double? value, int places = 2) => value is { } v ? Math.Round(v, places) : null;

    /// <summary>The target check of <paramref name="metric"/> in the group, if it has one.</summary>
    internal static TargetCheck? Check(QualityMetrics group, string metric) => group.Targets.FirstOrDefault(t => t.Metric == metric);

    /// <summary>For JSON: a figure with a target keeps the places that decide it (94.97 against >= 95 is never 95.00).</summary>
    internal static double? Json(QualityMetrics group, string metric, double? value) =>
        Check(group, metric) is { Actual: not null } check ? Decisive(check) : Round(value);

    internal static double? Decisive(TargetCheck check) =>
        check.Actual is null ? null : double.Parse(check.Shown(2), CultureInfo.InvariantCulture);

    /// <summary>
    /// How far a figure is from its target, unsigned, with two places or more where two would read 0.00 for a margin that
    /// is not zero (FCR 94.536 % against a tier mix's 94.538 % missed by 0.002, not by 0.00).
    /// </summary>
    internal static string MarginText(double margin) => TargetCheck.Decisive(Math.Abs(margin), 0, TargetDirection.Above, 2);

    /// <summary>For JSON: the signed margin with the places of <see cref="MarginText"/>.</summary>
    internal static double? Margin(TargetCheck check)
    {
        if (check.Margin is not { } m)
        {
            return null;
        }
        var size = double.Parse(MarginText(m), CultureInfo.InvariantCulture);
        return size == 0 ? 0 : Math.CopySign(size, m);
    }

    /// <summary>For text: one place, "–" when not measured.</summary>
    internal static string Pct(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : TargetCheck.NotMeasured;

    /// <summary>For text: against its target when the group has one (with the places that decide it), else one place.</summary>
    internal static string Cell(QualityMetrics group, string metric, double? value) =>
        Check(group, metric) is { } check ? check.Shown() : Pct(value);

    /// <summary>A whole number with thousands separators.</summary>
    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A duration in hours or minutes, one place; "–" when not measured.</summary>
    internal static string Number(double? value, int places = 1) =>
        value is { } v ? v.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : TargetCheck.NotMeasured;

    /// <summary>"met", "missed" or "" (not measured / no target): the CSS class and the word a page shows.</summary>
    internal static string Verdict(bool? met) => met switch { true => "met", false => "missed", null => "" };

    internal static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
