using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>
/// One quality figure of <see cref="QualityMetrics"/> as the reports show it: its name, how it prints, where its value
/// and its evidence (the answers or tickets behind it) are, and which of the record's target checks judges it.
/// </summary>
/// <param name="TargetKey">The <see cref="TargetCheck.Metric"/> that judges it (e.g. "csat_pct"); null: no target.</param>
/// <param name="Evidence">How many answers or decided tickets the figure stands on.</param>
/// <param name="EvidenceName">What the evidence counts, plural: "answers", "solved tickets".</param>
/// <param name="Missing">What was missing when the figure is not measured, e.g. "no CSAT answers were received".</param>
/// <param name="Uncertainty">The figure's 95 % uncertainty as printed (a Wilson interval, an NPS margin of error); null: none shown.</param>
/// <param name="UncertaintyName">The column header of <paramref name="Uncertainty"/>.</param>
internal sealed record QualityMeasure(
    string Name,
    string? TargetKey,
    ValueFormat Format,
    Func<QualityMetrics, double?> Value,
    Func<QualityMetrics, long> Evidence,
    string EvidenceName,
    string Missing,
    Func<QualityMetrics, string>? Uncertainty = null,
    string UncertaintyName = "95 % interval")
{
    public static QualityMeasure Csat { get; } = new(
        "CSAT", "csat_pct", ValueFormat.Percent, m => m.Csat.Percent, m => m.Csat.Total, "answers", "no CSAT answers were received",
        m => ReportText.Interval(m.Csat));

    public static QualityMeasure Nps { get; } = new(
        "NPS", "nps", new ValueFormat(1), m => m.Nps.Score, m => m.Nps.Responses, "answers", "no NPS answers were received",
        m => m.Nps.MarginOfError is { } moe ? "± " + moe.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : ReportText.NotMeasured,
        "Margin of error");

    public static QualityMeasure Fcr { get; } = new(
        "FCR", "fcr_pct", ValueFormat.Percent, m => m.FirstContactResolution.Percent,
        m => m.FirstContactResolution.Total, "solved tickets", "no ticket with a known reply and reopen count was solved",
        m => ReportText.Interval(m.FirstContactResolution));

    public static QualityMeasure SlaFirstResponse { get; } = new(
        "SLA first response", "sla_first_response_pct", ValueFormat.Percent, m => m.SlaFirstResponse.Percent,
        m => m.SlaFirstResponse.Achieved + m.SlaFirstResponse.Breached, "decided tickets", "no first-response target was decided");

    public static QualityMeasure SlaResolution { get; } = new(
        "SLA resolution", "sla_resolution_pct", ValueFormat.Percent, m => m.SlaResolution.Percent,
        m => m.SlaResolution.Achieved + m.SlaResolution.Breached, "decided tickets", "no resolution target was decided");

    public static QualityMeasure Escalations { get; } = new(
        "Escalation rate", "escalation_pct", ValueFormat.Percent, m => m.Escalations.Percent, m => m.Escalations.Total,
        "tickets", "no ticket said whether it was escalated");

    public static QualityMeasure Reopens { get; } = new(
        "Reopen rate", null, ValueFormat.Percent, m => m.Reopens.Percent, m => m.Reopens.Total,
        "solved tickets", "no solved ticket had a reopen count");

    public TargetCheck? Check(QualityMetrics? metrics) =>
        metrics is null || TargetKey is null ? null : metrics.Targets.FirstOrDefault(t => t.Metric == TargetKey);

    public double? ValueOf(QualityMetrics? metrics) => metrics is null ? null : Value(metrics);

    /// <summary>The figure as <c>metrics</c> prints it, with its unit: decisive places against a target.</summary>
    public string Shown(QualityMetrics? metrics) => Check(metrics) is { } check
        ? ReportText.Shown(check, Format)
        : Format.Format(ValueOf(metrics));


    public static KpiTarget ToKpi(TargetCheck check) => new(
        check.Direction switch
        {
            TargetDirection.AtLeast => Comparison.AtLeast,
            TargetDirection.Above => Comparison.Above,
            _ => Comparison.Below,
        },
        check.Target);

    /// <summary>The tile's target in this measure's unit, as the plan states it ("93.09 %").</summary>
    public KpiTarget? KpiTarget(QualityMetrics? metrics) =>
        Check(metrics) is { } check ? ToKpi(check) with { Text = ReportText.Trim(check.Target) + Format.Suffix } : null;

    public TargetDirection? Direction(QualityMetrics? metrics) => Check(metrics)?.Direction;

    /// <summary>
    /// The measure's columns of a table of groups: its evidence count, the figure, the uncertainty where the measure has
    /// one, and the target with a verdict where it has a target. <see cref="Cells"/> fills them in the same order.
    /// </summary>
    public void Columns(TableDescriptor table)
    {
        table.Column(ReportText.Title(EvidenceName), 1, TextAlign.Right);
        table.Column(Name, 0.9f, TextAlign.Right);
        if (Uncertainty is not null)
        {
            table.Column(UncertaintyName, 1.2f, TextAlign.Right);
        }

        if (TargetKey is not null)
        {
            table.Column("Target", 0.8f, TextAlign.Right);
            table.Column("Verdict", 1, TextAlign.Center);
        }
    }

    /// <summary>One group's cells under <see cref="Columns"/>.</summary>
    public IEnumerable<TableCell> Cells(QualityMetrics group)
    {
        yield return ReportText.Count(Evidence(group));
        yield return ReportText.Cell(Shown(group));
        if (Uncertainty is { } uncertainty)
        {
            yield return ReportText.Cell(uncertainty(group));
        }

        if (TargetKey is not null)
        {
            var check = Check(group);
            yield return check is null ? ReportText.Cell(ReportText.NotMeasured) : ReportText.Target(check, Format);
            yield return ReportText.VerdictCell(check);
        }
    }
}
