using NodaTime;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>
/// The top of a report's first page: its title, the cover line (period, time zone, the instant the data reaches), what
/// the report is for, and, for a month without any data, that fact in plain words before anything else.
/// </summary>
internal sealed class CoverSection(string title, PeriodFigures figures, string purpose, string? subject = null) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Title(title, CoverLine(figures, subject));
        column.Paragraph(purpose);
        if (figures.All.TicketsCreated == 0 && figures.All.TicketsSolved == 0 && figures.All.Csat.Total == 0 && figures.All.Nps.Responses == 0)
        {
            column.NoData($"There is no ticket or survey data for {figures.Label}: every figure below is not measured (“–”), never zero.");
        }
    }

    /// <summary>"October 2026 · times in America/New_York · data as of 2026-10-31 23:29".</summary>
    public static string CoverLine(PeriodFigures figures, string? subject = null)
    {
        var parts = new List<string>();
        if (subject is not null)
        {
            parts.Add(subject);
        }

        parts.Add((figures.Span.Kind == SpanKind.Month ? figures.Label : "week " + figures.Key) + $" ({figures.Period.FromText} to {figures.Period.ToText})");
        parts.Add("times in " + figures.Zone.Id);
        parts.Add(AsOfText(figures.AsOf, figures.Zone));
        return string.Join(" · ", parts);
    }

    public static string AsOfText(Instant? asOf, DateTimeZone zone) =>
        asOf is { } at ? "data as of " + ReportText.Stamp(at, zone) : "no ticket data yet";
}
