using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Risk;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>How health figures read on paper, as `supportlens health` prints them.</summary>
internal static class HealthText
{
    /// <summary>"79 green", "– (no score)".</summary>
    public static string Score(int? score, HealthBand? band) =>
        score is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s} {band!.Value.ToString().ToLowerInvariant()}") : "– (no score)";

    /// <summary>"−17", "+3", "±0"; "–" without a score 30 days earlier.</summary>
    public static string Trend(HealthScore health) => health.Trend is { } t
        ? (t.Change > 0 ? "+" : t.Change < 0 ? "−" : "±") + Math.Abs(t.Change).ToString(CultureInfo.InvariantCulture)
        : ReportText.NotMeasured;

    /// <summary>"9 %", "AT RISK 31 %", "AT RISK (rules)", "–" when not assessed.</summary>
    public static TableCell Risk(ClientRisk? risk) => risk switch
    {
        null => ReportText.Cell(ReportText.NotMeasured),
        { AtRisk: true, Probability: { } p } => new TableCell(string.Create(CultureInfo.InvariantCulture, $"AT RISK {p * 100:0} %"), CellTone.Missed),
        { AtRisk: true } => new TableCell("AT RISK (rules)", CellTone.Missed),
        { Probability: { } p } => string.Create(CultureInfo.InvariantCulture, $"{p * 100:0} %"),
        _ => "not flagged",
    };

    public static CellTone Tone(HealthBand? band) => band switch
    {
        HealthBand.Green => CellTone.Met,
        HealthBand.Red => CellTone.Missed,
        HealthBand.Amber => CellTone.Emphasis,
        _ => CellTone.Muted,
    };
}

/// <summary>The clients flagged at risk of leaving, with what drives each flag; or, when none is, the lowest health scores.</summary>
internal sealed class AtRiskSection(HealthBook? book, string month) : IReportSection
{
    private const int LowestShown = 5;

    public void Compose(ColumnDescriptor column)
    {
        column.Heading("Clients at risk");
        if (book is null)
        {
            column.NoData($"No client health is stored for {month}: `supportlens refresh` scores every active client daily.");
            return;
        }

        var flagged = book.Clients.Where(c => c.Risk?.AtRisk == true).ToList();
        var day = ReportText.Day(book.AsOf);
        var rows = flagged.Count > 0
            ? flagged
            : [.. book.Clients.Where(c => c.Health.Score is not null).OrderBy(c => c.Health.Score).ThenBy(c => c.Client.ClientId, StringComparer.Ordinal).Take(LowestShown)];
        column.Lead(flagged.Count > 0
            ? $"On {day}, {flagged.Count} of the {book.Clients.Length} active clients {(flagged.Count == 1 ? "was" : "were")} flagged at risk of leaving, most likely first."
            : $"No client was flagged at risk of leaving on {day} ({book.Clients.Length} active clients). The {rows.Count} lowest health scores:");
        column.Table(t => t
            .Column("Client", 2.2f)
            .Column("Tier", 1.1f)
            .Column("Health", 0.9f, TextAlign.Right)
            .Column("30 days", 0.7f, TextAlign.Right)
            .Column("Risk", 1.1f, TextAlign.Right)
            .Column("Why", 4.2f)
            .Rows(rows, e =>
            [
                $"{e.Client.ClientId} {e.Client.Name ?? ""}".Trim(),
                ReportText.Title(e.Client.Tier.ToString().ToLowerInvariant()),
                new TableCell(HealthText.Score(e.Health.Score, e.Health.Band), HealthText.Tone(e.Health.Band)),
                HealthText.Trend(e.Health),
                HealthText.Risk(e.Risk),
                Why(e),
            ]));
        column.Note(book.Run is { } run ? "How risk is judged: " + run.Note : "No risk run covers this day: flags come from `supportlens refresh`.");
    }

    /// <summary>The model's top reasons when it flagged the client, else the health drivers, two at most.</summary>
    private static string Why(ClientHealthEntry entry)
    {
        var reasons = entry.Risk is { Method: RiskMethod.Model, Drivers.IsEmpty: false } risk
            ? risk.Drivers.Select(d => d.Text)
            : entry.Health.Drivers.Select(d => d.Text);
        var list = reasons.Take(2).ToList();
        return list.Count == 0 ? ReportText.NotMeasured : string.Join("; ", list);
    }
}

/// <summary>Client and MRR retention over the trailing year and quarter, for all clients and by tier, against the plan.</summary>
internal sealed class RetentionSection(HealthBook? book, string month) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("Retention");
        if (book is null)
        {
            column.NoData($"No client health is stored for {month}, so retention is not shown.");
            return;
        }

        var retention = book.Retention;
        column.Lead($"Clients active at the start of each period who were still active at its end, and their MRR; the plan asks for more than " +
                    $"{ReportText.Trim(retention.Annual.All.TargetPct)} % a year.");
        foreach (var report in new[] { retention.Annual, retention.Quarterly })
        {
            column.Heading(ReportText.Title(report.Period.Name), 2);
            column.Table(t => t
                .Column("Group", 1.3f)
                .Column("Retained", 0.9f, TextAlign.Right)
                .Column("Clients", 0.9f, TextAlign.Right)
                .Column("MRR", 0.9f, TextAlign.Right)
                .Column("Lost", 2.6f)
                .Rows([report.All, .. report.ByTier], f =>
                [
                    f.Key == "all" ? new TableCell("All clients", CellTone.Emphasis) : ReportText.Title(f.Key),
                    $"{f.ClientsRetained}/{f.ClientsAtStart}",
                    Pct(f.ClientTarget),
                    Pct(f.MrrTarget),
                    f.Lost.IsEmpty ? ReportText.Cell(ReportText.NotMeasured) : string.Join(", ", f.Lost),
                ]));
        }
    }

    private static TableCell Pct(TargetCheck check) => check.Actual is null
        ? ReportText.Cell(ReportText.NotMeasured)
        : new TableCell(check.Actual.Value.ToString("F1", CultureInfo.InvariantCulture) + " %", check.Met == true ? CellTone.Normal : CellTone.Missed);
}

/// <summary>
/// One client's health as `supportlens health --client` shows it: score, band and trend, churn risk, the daily history,
/// what pulls the score down and what pushes the risk up, and each component.
/// </summary>
internal sealed class ClientHealthSection(ClientHealthDetail? detail, string name, string month, Analytics.Configuration.SupportLensSettings plan, ReportingZone zone) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("Health and risk");
        if (detail is null)
        {
            column.NoData($"No health score is stored for {name} in {month}: it was not an active client then, or `supportlens refresh` has not scored it.");
            return;
        }

        var (health, risk) = (detail.Entry.Health, detail.Entry.Risk);
        var settings = plan.Health;
        var atRiskFrom = plan.Risk.AtRiskProbability * 100;
        var day = ReportText.Day(health.AsOf);
        column.Lead($"On {day}: health {HealthText.Score(health.Score, health.Band)}" +
                    (health.Trend is { } t ? $", {(t.Change >= 0 ? "up" : "down")} {Math.Abs(t.Change)} from {t.EarlierScore} on {ReportText.Day(t.EarlierAsOf)}" : "") +
                    $"; {Percent(health.Coverage.WeightShare)} of the weight had data. " + RiskText(risk, plan.Risk.HorizonDays));
        column.KpiTiles(
        [
            new KpiTile("Health score", health.Score, ValueFormat.Count, new KpiTarget(Comparison.AtLeast, settings.GreenFrom, $"{settings.GreenFrom} (green)"),
                health.Trend?.EarlierScore, health.Trend is { } earlier ? ReportText.Day(earlier.EarlierAsOf) : null),
            new KpiTile($"Churn risk ({plan.Risk.HorizonDays} days)", risk?.Probability * 100, new ValueFormat(0, " %", " pts"),
                risk?.Probability is null ? null : new KpiTarget(Comparison.Below, atRiskFrom, ReportText.Trim(atRiskFrom) + " % (flag)")),
        ], perRow: 4);
        var points = detail.History.Where(p => p.AsOf > health.AsOf.PlusMonths(-12)).ToList();
        if (points.Count(p => p.Score is not null) >= 2)
        {
            column.Chart(new LineChart(new LineChartData(
                $"Health score by day, {ReportText.Day(points[0].AsOf)} to {day}",
                "Health score",
                ValueFormat.Count,
                zone,
                [new TimeSeries("Health score", [.. points.Select(p => new TimeValue(zone.StartOfDay(p.AsOf.ToDateOnly()), p.Score))])],
                Target: new TargetLine(settings.GreenFrom, $"Green from {settings.GreenFrom}"),
                Minimum: 0,
                Maximum: 100)), 150);
        }

        column.Heading("What pulls the score down", 2);
        if (health.Drivers.IsEmpty)
        {
            column.Paragraph("Nothing: every measured component is on target.");
        }
        else
        {
            column.Table(t => t
                .Column("Driver", 5)
                .Column("Costs", 0.8f, TextAlign.Right)
                .Rows(health.Drivers, d => [d.Text, d.PointsLost.ToString("F1", CultureInfo.InvariantCulture) + " pts"]));
        }

        if (risk is { Method: RiskMethod.Model, Drivers.IsEmpty: false })
        {
            column.Heading("What pushes the churn risk up", 2);
            column.Table(t => t.Column("The model's largest contributions", 1).Rows(risk.Drivers, d => [d.Text]));
        }

        column.Heading("Components", 2);
        column.Table(t => t
            .Column("Component", 1.3f)
            .Column("Weight", 0.6f, TextAlign.Right)
            .Column("Share", 0.6f, TextAlign.Right)
            .Column("Score", 0.6f, TextAlign.Right)
            .Column("Reading", 4.3f)
            .Rows(health.Components, c =>
            [
                HealthKey(c.Component),
                c.Weight.ToString("0.##", CultureInfo.InvariantCulture),
                Percent(c.Share),
                c.Score is { } s ? s.ToString("0.#", CultureInfo.InvariantCulture) : ReportText.Cell(ReportText.NotMeasured),
                c.Text ?? new TableCell("not measured: " + c.NotMeasured, CellTone.Muted),
            ]));
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string HealthKey(HealthComponent component) => component switch
    {
        HealthComponent.Csat => "CSAT",
        HealthComponent.Nps => "NPS",
        HealthComponent.Sla => "SLA",
        HealthComponent.Fcr => "FCR",
        _ => ReportText.Title(component.Key()),
    };

    private static string RiskText(ClientRisk? risk, int days) => risk switch
    {
        null => "Churn risk was not assessed.",
        { Method: RiskMethod.Model, Probability: { } p } => string.Create(CultureInfo.InvariantCulture,
            $"Churn risk {p * 100:0} % within {days} days{(risk.AtRisk ? ": flagged at risk" : "")}."),
        { AtRisk: true } => "Flagged at risk by the health rules (red, or falling fast against the rest of the book).",
        _ => "Not flagged by the health rules.",
    };
}
