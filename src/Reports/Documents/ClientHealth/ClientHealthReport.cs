using System.Globalization;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.ClientHealth;

/// <summary>
/// One client's month, for the success manager's business review: the account, its service levels and satisfaction
/// against its tier's targets (the client's row of `metrics --by client`), its year, the incidents that hit it and the
/// escalations still open at the month's end.
/// </summary>
internal sealed class ClientHealthReport(PeriodFigures figures, ClientInfo client) : IReportDocument
{
    private static readonly QualityMeasure[] Measures =
    [
        QualityMeasure.Csat, QualityMeasure.Nps, QualityMeasure.Fcr,
        QualityMeasure.SlaFirstResponse, QualityMeasure.SlaResolution, QualityMeasure.Escalations,
    ];

    private string PeriodName => figures.Label;

    private QualityMetrics? Month => figures.ByClient.FirstOrDefault(g => g.Key == client.ClientId);

    public DocumentInfo Info => new(
        $"Client health: {client.Name}", $"Client health of {client.Name} ({client.ClientId}), {PeriodName}", PeriodName, figures.ReportZone);

    public void Compose(ReportDocument document)
    {
        var trend = figures.ClientTrend(client.ClientId);
        var month = Month;
        var previous = trend[^2].Metrics;
        var previousName = figures.PreviousLabel;
        document.Page(page =>
        {
            page.Title(client.Name, CoverSection.CoverLine(figures, $"{client.ClientId} · {ReportText.Title(client.Tier)}"));
            page.Section(new AccountSection(client));
            if (month is null || (month.TicketsCreated == 0 && month.TicketsSolved == 0 && month.Csat.Total == 0 && month.Nps.Responses == 0))
            {
                page.NoData($"{client.Name} created, solved or rated no ticket and answered no survey in {PeriodName}: every figure of the month is not measured (“–”).");
            }

            page.Section(new ClientHealthSection(figures.HealthOf(client), client.Name, PeriodName, figures.Sources.Settings, figures.ReportZone));
            page.Section(new ScorecardSection(
                "Service and satisfaction",
                $"{client.Name}'s figures for {PeriodName} against the {ReportText.Title(client.Tier)} tier's targets, with the change since {figures.Span.Previous.Label}.",
                [
                    .. Measures.Select(m => ScorecardSection.Tile(m, month, previous, trend, previousName)),
                    ScorecardSection.CountTile("Tickets created", month?.TicketsCreated ?? 0, previous?.TicketsCreated, previousName,
                        [.. trend.Select(t => (double?)(t.Metrics?.TicketsCreated ?? 0))]),
                    ScorecardSection.CountTile("Open at month end", month?.Backlog.Open ?? 0, previous?.Backlog.Open, previousName),
                ],
                perRow: 4));
            page.Section(new TrendSection(
                "The last twelve months",
                $"SLA compliance by month, {figures.StepsRange}",
                [QualityMeasure.SlaFirstResponse, QualityMeasure.SlaResolution],
                trend,
                figures.ReportZone,
                new TargetLine(figures.Sources.Settings.Targets.SlaCompliancePct, $"Target ≥ {ReportText.Trim(figures.Sources.Settings.Targets.SlaCompliancePct)} %"),
                table: false,
                height: 160));
            page.Section(new TrendSection(
                "Satisfaction",
                $"CSAT by month, {figures.StepsRange}",
                [QualityMeasure.Csat],
                trend,
                figures.ReportZone,
                TrendSection.TargetOf(QualityMeasure.Csat, trend.LastOrDefault(t => QualityMeasure.Csat.Check(t.Metrics) is not null)?.Metrics, tierMix: false),
                table: false,
                level: 2,
                height: 150));
            page.Section(new MonthTableSection(trend));
            page.Heading("Incidents and escalations");
            page.Section(new IncidentListSection(
                "Incidents that hit " + client.Name,
                figures.IncidentsFor(client.ClientId),
                figures.Zone,
                $"No incident that started in {PeriodName} hit {client.Name}."));
            page.Section(new OpenEscalationsSection(figures, client));
            page.Section(new SpikesSection(figures, client.ClientId));
        });
    }

    /// <summary>Who the client is: tier, region, success manager, contract, renewal, revenue.</summary>
    private sealed class AccountSection(ClientInfo client) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ReportText.NotMeasured;
            var status = client.ChurnedOn is { } churned
                ? new TableCell("churned " + Date(churned), CellTone.Missed)
                : new TableCell("active");
            column.Table(t => t
                .Column("Tier", 1)
                .Column("Region", 0.9f)
                .Column("Success manager", 1.4f)
                .Column("Contract since", 1.1f)
                .Column("Renewal", 1)
                .Column("MRR", 0.7f, TextAlign.Right)
                .Column("Status", 1.5f)
                .Row(
                    ReportText.Title(client.Tier),
                    client.Region ?? ReportText.NotMeasured,
                    client.SuccessManager ?? "unassigned",
                    Date(client.ContractStart),
                    Date(client.RenewalDate),
                    client.Mrr is { } mrr ? mrr.ToString("N0", CultureInfo.InvariantCulture) : ReportText.NotMeasured,
                    status));
        }
    }

    /// <summary>The client's twelve months side by side, as `metrics --month M --by client` prints each.</summary>
    private sealed class MonthTableSection(IReadOnlyList<TrendStep> trend) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Month by month", 2);
            column.Table(t => t
                .Column("Month", 1.1f)
                .Column("Tickets", 0.8f, TextAlign.Right)
                .Column("CSAT (n)", 1.2f, TextAlign.Right)
                .Column("NPS (n)", 1.1f, TextAlign.Right)
                .Column("FCR", 0.9f, TextAlign.Right)
                .Column("SLA 1st", 0.9f, TextAlign.Right)
                .Column("SLA res.", 0.9f, TextAlign.Right)
                .Column("Escalated", 0.9f, TextAlign.Right)
                .Rows(trend, m =>
                [
                    m.Label,
                    ReportText.Count(m.Metrics?.TicketsCreated ?? 0),
                    Tone(QualityMeasure.Csat, m.Metrics, $" ({ReportText.Count(m.Metrics?.Csat.Total ?? 0)})"),
                    Tone(QualityMeasure.Nps, m.Metrics, $" ({ReportText.Count(m.Metrics?.Nps.Responses ?? 0)})"),
                    Tone(QualityMeasure.Fcr, m.Metrics),
                    Tone(QualityMeasure.SlaFirstResponse, m.Metrics),
                    Tone(QualityMeasure.SlaResolution, m.Metrics),
                    Tone(QualityMeasure.Escalations, m.Metrics),
                ]));
        }

        /// <summary>The figure coloured by its verdict (bold orange when missed), "–" muted when not measured.</summary>
        private static TableCell Tone(QualityMeasure measure, QualityMetrics? metrics, string suffix = "")
        {
            var shown = measure.Shown(metrics);
            if (shown == ReportText.NotMeasured)
            {
                return new TableCell(shown + suffix, CellTone.Muted);
            }

            return new TableCell(shown + suffix, measure.Check(metrics)?.Met == false ? CellTone.Missed : CellTone.Normal);
        }
    }

    /// <summary>Escalated tickets still open when the month ended (or when the data ends, if sooner).</summary>
    private sealed class OpenEscalationsSection(PeriodFigures figures, ClientInfo client) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Open escalations", 2);
            var snapshot = figures.OpenEscalationsOf(client.ClientId);
            var at = ReportText.Stamp(snapshot.At, figures.Zone);
            if (snapshot.Open.Count == 0)
            {
                column.NoData($"No escalated ticket of {client.Name} was open at {at}.");
                return;
            }

            column.Lead($"{snapshot.Open.Count} escalated ticket{(snapshot.Open.Count == 1 ? " was" : "s were")} open at {at}, oldest first.");
            column.Table(t => t
                .Column("Ticket", 1)
                .Column("Created", 1.4f)
                .Column("Priority", 0.9f)
                .Column("Channel", 0.8f)
                .Column("Category", 1.3f)
                .Column("Age then", 0.9f, TextAlign.Right)
                .Column("Since", 1.5f)
                .Rows(snapshot.Open, e =>
                [
                    e.TicketId,
                    ReportText.Stamp(e.CreatedAt, figures.Zone),
                    ReportText.Title(e.Priority),
                    ReportText.Channel(e.Channel),
                    e.Category ?? ReportText.NotMeasured,
                    new TableCell(ReportText.Duration(e.Age), CellTone.Emphasis),
                    e.DoneAt is { } done ? "solved " + ReportText.Stamp(done, figures.Zone) : new TableCell("still open (" + e.Status.Replace('_', ' ') + ")", CellTone.Missed),
                ]));
        }
    }
}
