using System.Globalization;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Executive;

/// <summary>The month in a few sentences: targets met and missed, volume, incidents; each figure the scorecard's own.</summary>
internal sealed class MonthInBriefSection(PeriodFigures figures, IReadOnlyList<KpiTile> scorecard) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("The month in brief");
        var judged = scorecard.Where(t => t.Status is KpiStatus.Met or KpiStatus.Missed).ToList();
        var missed = judged.Where(t => t.Status == KpiStatus.Missed).ToList();
        var unmeasured = scorecard.Where(t => t.Status == KpiStatus.NotMeasured).Select(t => t.Label).ToList();
        var sentences = new List<string>
        {
            judged.Count == 0
                ? "No target of the plan could be judged this month: there was no data behind any of them."
                : $"{judged.Count - missed.Count} of the {judged.Count} targets measured were met." +
                  (missed.Count == 0 ? "" : " Missed: " + string.Join("; ", missed.Select(t => $"{t.Label} {t.Shown} (target {t.Target!.Describe(t.Format)})")) + "."),
        };
        if (unmeasured.Count > 0)
        {
            sentences.Add($"Not measured (no data behind them): {string.Join(", ", unmeasured)}.");
        }

        var all = figures.All;
        var previous = figures.Previous;
        if (all.TicketsCreated > 0 || all.TicketsSolved > 0)
        {
            var change = previous is null ? "" : $" ({Signed(all.TicketsCreated - previous.TicketsCreated)} vs {figures.PreviousLabel})";
            sentences.Add($"{ReportText.Count(all.TicketsCreated)} tickets were created{change} and {ReportText.Count(all.TicketsSolved)} solved; " +
                          $"{ReportText.Count(all.Backlog.Open)} were open at the end of the month.");
        }

        var incidents = figures.Incidents.Overall.Incidents;
        var severe = figures.Incidents.BySeverity.Where(s => s.Severity is 1 or 2).Sum(s => s.Incidents);
        sentences.Add(incidents == 0
            ? "No incident started in the month."
            : $"{ReportText.Count(incidents)} incident{(incidents == 1 ? "" : "s")} started, {(severe == 0 ? "none" : ReportText.Count(severe))} of severity 1 or 2.");
        column.Paragraph(string.Join(" ", sentences));
    }

    private static string Signed(long delta) => delta switch
    {
        > 0 => "+" + delta.ToString("N0", CultureInfo.InvariantCulture),
        < 0 => "−" + (-delta).ToString("N0", CultureInfo.InvariantCulture),
        _ => "no change",
    };
}
