using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>Incidents of the month per severity: how many, their three targets' compliance, MTTA and MTTR (as `metrics` prints them).</summary>
internal sealed class IncidentSummarySection(IncidentReport report, string month) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("Incidents by severity", 2);
        if (report.Overall.Incidents == 0)
        {
            column.NoData($"No incident started in {month}.");
            return;
        }

        column.Lead($"Incidents that started in the month, judged on the wall clock against each severity's targets as of {ReportText.Stamp(report.AsOf, report.Period.Zone)}; " +
                    "compliance is met of decided (open ones wait), MTTA and MTTR are means over the incidents acknowledged and resolved.");
        column.Table(t => t
            .Column("Severity", 0.9f)
            .Column("Incidents", 0.8f, TextAlign.Right)
            .Column("Initial response", 1.4f, TextAlign.Right)
            .Column("Communication", 1.4f, TextAlign.Right)
            .Column("Resolution", 1.4f, TextAlign.Right)
            .Column("MTTA", 0.8f, TextAlign.Right)
            .Column("MTTR", 0.8f, TextAlign.Right)
            .Rows(report.BySeverity.Append(report.Overall), s =>
            [
                s.Severity is { } level ? new TableCell("Sev " + level.ToString(CultureInfo.InvariantCulture)) : new TableCell("All", CellTone.Emphasis),
                ReportText.Count(s.Incidents),
                Compliance(s.InitialResponse),
                Compliance(s.ClientCommunication),
                Compliance(s.Resolution),
                ReportText.Cell(ReportText.Duration(s.MeanTimeToAcknowledge)),
                ReportText.Cell(ReportText.Duration(s.MeanTimeToResolve)),
            ]));
    }

    /// <summary>"50.0 % (1/2)", "+1 open" for those still waiting, "n/a" when the severity promises nothing for the step.</summary>
    public static TableCell Compliance(IncidentCompliance c)
    {
        var open = c.Open > 0 ? string.Create(CultureInfo.InvariantCulture, $" +{c.Open} open") : "";
        if (c.Percent is { } p)
        {
            return new TableCell(string.Create(CultureInfo.InvariantCulture, $"{p:F1} % ({c.Met}/{c.Decided}){open}"), c.Missed > 0 ? CellTone.Missed : CellTone.Normal);
        }

        return c.NotApplicable > 0 && c.Open == 0 ? new TableCell("n/a", CellTone.Muted) : c.Open > 0 ? new TableCell(open.TrimStart()) : ReportText.Cell(ReportText.NotMeasured);
    }
}

/// <summary>Each incident: when, how severe, what it hit, and whether it met its targets.</summary>
internal sealed class IncidentListSection(string heading, IReadOnlyList<ClientIncident> incidents, DateTimeZone zone, string empty) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading(heading, 2);
        if (incidents.Count == 0)
        {
            column.NoData(empty);
            return;
        }

        column.Table(t => t
            .Column("Incident", 0.9f)
            .Column("Sev", 0.45f, TextAlign.Center)
            .Column("Title", 2.6f)
            .Column("Component", 1.2f)
            .Column("Started", 1.3f)
            .Column("Resolved", 0.9f, TextAlign.Right)
            .Column("Targets", 1.1f)
            .Rows(incidents, i =>
            [
                i.IncidentId,
                i.Severity.ToString(CultureInfo.InvariantCulture),
                i.Title + (i.AffectsAll ? " (all clients)" : ""),
                i.Component ?? ReportText.NotMeasured,
                ReportText.Stamp(i.StartedAt, zone),
                i.Evaluation.Resolution.Took is { } took ? ReportText.Duration(took) : new TableCell("open", CellTone.Missed),
                Targets(i.Evaluation),
            ]));
    }

    /// <summary>"all met", or which targets were missed or are still open.</summary>
    private static TableCell Targets(IncidentEvaluation evaluation)
    {
        var steps = new[] { ("response", evaluation.InitialResponse), ("update", evaluation.ClientCommunication), ("resolution", evaluation.Resolution) };
        var missed = steps.Where(s => s.Item2.Status == IncidentTargetStatus.Missed).Select(s => s.Item1).ToList();
        if (missed.Count > 0)
        {
            return new TableCell("missed " + string.Join(", ", missed), CellTone.Missed);
        }

        return steps.Any(s => s.Item2.Status == IncidentTargetStatus.Open) ? new TableCell("open", CellTone.Muted) : new TableCell("all met", CellTone.Met);
    }
}

/// <summary>Availability and p95 latency per component against the plan's targets, with the change since last month.</summary>
internal sealed class AvailabilitySection(IncidentReport report, IncidentReport previous, string month, string previousMonth) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("Availability and latency", 2);
        var measured = report.Components.Where(c => c.AvailabilityPct is not null).ToList();
        if (measured.Count == 0)
        {
            column.NoData($"No component was monitored in {month}: availability and latency are not measured.");
            return;
        }

        var target = measured[0].Availability.Target;
        var lowest = Math.Min(measured.Min(c => c.AvailabilityPct!.Value), target);
        var floor = Math.Max(0, Math.Floor((lowest - (100 - lowest) * 0.5 - 0.05) * 10) / 10);
        column.Lead(string.Create(CultureInfo.InvariantCulture,
            $"Time-weighted from the monitoring checks: each check stands for the time until the next one. Target ≥ {ReportText.Trim(target)} % a month, p95 latency < {ReportText.Trim(measured[0].P95Latency.Target)} ms."));
        column.Chart(new BulletChart(new BulletChartData(
            "Availability by component",
            new ValueFormat(3, " %", " pts"),
            [.. measured.Select(c => new BulletItem(c.Component, c.AvailabilityPct, c.Availability.Target, [c.Availability.Target], Availability(c)))],
            floor,
            100)), 24 + 22f * measured.Count + 30);
        var before = previous.Components.ToDictionary(c => c.Component, StringComparer.Ordinal);
        column.Table(t => t
            .Column("Component", 1.4f)
            .Column("Availability", 1.1f, TextAlign.Right)
            .Column("vs " + previousMonth, 1, TextAlign.Right)
            .Column("Down", 0.8f, TextAlign.Right)
            .Column("Checks (failed)", 1.2f, TextAlign.Right)
            .Column("p95 latency", 1, TextAlign.Right)
            .Column("Verdict", 1.1f, TextAlign.Center)
            .Rows(report.Components, c =>
            [
                c.Component,
                ReportText.Cell(Availability(c)),
                ReportText.Cell(Change(c, before.GetValueOrDefault(c.Component))),
                ReportText.Duration(Duration.FromTimeSpan(c.Down)),
                $"{ReportText.Count(c.Checks)} ({ReportText.Count(c.FailedChecks)})",
                ReportText.Cell(c.P95LatencyMs is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) + " ms" : ReportText.NotMeasured),
                Verdict(c),
            ]));
    }

    /// <summary>Three places, as `metrics` prints it: 99.9 % and 99.95 % are different promises.</summary>
    public static string Availability(ComponentAvailability c) =>
        c.AvailabilityPct is { } a ? a.ToString("F3", CultureInfo.InvariantCulture) + " %" : ReportText.NotMeasured;

    private static string Change(ComponentAvailability now, ComponentAvailability? then) =>
        now.AvailabilityPct is { } a && then?.AvailabilityPct is { } b
            ? ReportText.Minus((a - b).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture)) + " pts"
            : ReportText.NotMeasured;

    private static TableCell Verdict(ComponentAvailability c) => (c.Availability.Met, c.P95Latency.Met) switch
    {
        (null, _) => new TableCell("Not measured", CellTone.Muted),
        (true, true or null) => new TableCell("Met", CellTone.Met),
        (false, false) => new TableCell("Both missed", CellTone.Missed),
        (false, _) => new TableCell("Uptime missed", CellTone.Missed),
        _ => new TableCell("Latency missed", CellTone.Missed),
    };

    /// <summary>Whether an availability check is on target, for the scorecard.</summary>
    public static TargetCheck? Lowest(IncidentReport report) =>
        report.Components.Where(c => c.AvailabilityPct is not null).MinBy(c => c.AvailabilityPct)?.Availability;
}
