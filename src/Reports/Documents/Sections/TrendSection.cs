using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>
/// Twelve months of one or more measures as lines with the target dashed across, then month by month in a table;
/// "no data" in words when none of the months measured anything.
/// </summary>
internal sealed class TrendSection(
    string heading,
    string chartTitle,
    IReadOnlyList<QualityMeasure> measures,
    IReadOnlyList<TrendStep> trend,
    ReportingZone zone,
    TargetLine? target,
    string? note = null,
    bool table = true,
    int level = 1,
    float? height = null) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading(heading, level);
        var from = trend[0].Label;
        var to = trend[^1].Label;
        if (!trend.Any(t => measures.Any(m => m.ValueOf(t.Metrics) is not null)))
        {
            column.NoData($"No {string.Join(" or ", measures.Select(m => m.Name))} figures from {from} to {to}: {measures[0].Missing} in any of these {trend[0].Span.Unit}s.");
            return;
        }

        column.Chart(Chart(chartTitle, measures, trend, zone, target), height);
        if (note is not null)
        {
            column.Note(note);
        }

        if (table)
        {
            column.Heading(trend[0].Span.Kind == SpanKind.Month ? "Month by month" : "Week by week", 2);
            column.Table(t =>
            {
                t.Column(trend[0].Span.Kind == SpanKind.Month ? "Month" : "Week", 1.2f);
                foreach (var measure in measures)
                {
                    t.Column(Capitalised(measures.Count > 1 ? "decided" : measure.EvidenceName), 1.2f, TextAlign.Right);
                    t.Column(measure.Name, 1, TextAlign.Right);
                    if (measure.TargetKey is not null)
                    {
                        t.Column("Target", 0.9f, TextAlign.Right);
                        t.Column("Verdict", 1, TextAlign.Center);
                    }
                }

                t.Rows(trend, month => [.. Row(month, measures)]);
            });
        }
    }

    public static LineChart Chart(string title, IReadOnlyList<QualityMeasure> measures, IReadOnlyList<TrendStep> trend, ReportingZone zone, TargetLine? target) =>
        new(new LineChartData(
            title,
            measures.Count == 1 ? measures[0].Name + (measures[0].Format.Suffix.Trim().Length > 0 ? " (" + measures[0].Format.Suffix.Trim() + ")" : "") : "Per cent of decided tickets",
            measures[0].Format,
            zone,
            [.. measures.Select(m => new TimeSeries(m.Name, [.. trend.Select(t => new TimeValue(zone.StartOfDay(t.Start.ToDateOnly()), m.ValueOf(t.Metrics)))]))],
            Target: target));

    private static IEnumerable<TableCell> Row(TrendStep month, IReadOnlyList<QualityMeasure> measures)
    {
        yield return month.Label;
        foreach (var measure in measures)
        {
            yield return month.Metrics is null ? ReportText.Cell(ReportText.NotMeasured) : ReportText.Count(measure.Evidence(month.Metrics));
            yield return ReportText.Cell(measure.Shown(month.Metrics));
            if (measure.TargetKey is not null)
            {
                var check = measure.Check(month.Metrics);
                yield return check is null ? ReportText.Cell(ReportText.NotMeasured) : ReportText.Target(check, measure.Format);
                yield return ReportText.VerdictCell(check);
            }
        }
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The target line of a measure in the month: "Target ≥ 93.79 %", with why when the target is a mix of tiers.</summary>
    public static TargetLine? TargetOf(QualityMeasure measure, QualityMetrics? month, bool tierMix, string unit = "month")
    {
        if (measure.Check(month) is not { } check)
        {
            return null;
        }

        var label = "Target " + ReportText.Target(check, measure.Format);
        return new TargetLine(check.Target, tierMix ? label + $" (this {unit}'s tier mix)" : label);
    }
}
