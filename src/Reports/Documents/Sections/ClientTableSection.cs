using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>
/// Every client's figure for the month (`metrics --by client`), furthest below its target first, then those on target,
/// then those without data; one row each, across as many pages as it takes.
/// </summary>
internal sealed class ClientTableSection(QualityMeasure measure, PeriodFigures figures, string? heading = null) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading(heading ?? $"{measure.Name} by client");
        var clients = figures.ByClient;
        var measured = clients.Where(c => measure.ValueOf(c) is not null).ToList();
        if (measured.Count == 0)
        {
            column.NoData($"No client has a figure for {figures.Label}: {measure.Missing}.");
            return;
        }

        var missed = measured.Count(c => measure.Check(c)?.Met == false);
        column.Lead(
            $"{measured.Count} of the {clients.Count} clients with activity in {figures.Label} have a figure; {missed} of them missed their target. " +
            "Clients furthest below their target come first. Small numbers of " + measure.EvidenceName + " make wide intervals: read them with the count.");
        var ordered = measured
            .OrderBy(c => measure.Check(c)?.Margin ?? double.MaxValue)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Concat(clients.Where(c => measure.ValueOf(c) is null).OrderBy(c => c.Key, StringComparer.Ordinal))
            .ToList();
        var tiers = figures.Clients.ToDictionary(c => c.ClientId, c => c.Tier, StringComparer.Ordinal);
        column.Table(t =>
        {
            t.Column("Client", 2.6f);
            t.Column("Tier", 1.2f);
            measure.Columns(t);
            t.Rows(ordered, c =>
            [
                figures.ClientName(c.Key) + " (" + c.Key + ")",
                ReportText.Title(tiers.GetValueOrDefault(c.Key) ?? ReportText.NotMeasured),
                .. measure.Cells(c),
            ]);
        });
    }
}
