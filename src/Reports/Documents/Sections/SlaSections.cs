using System.Globalization;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>SLA compliance per ticket priority, both targets, against the plan's compliance target.</summary>
internal sealed class SlaByPrioritySection(PeriodFigures figures) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("By priority", 2);
        var rows = figures.SlaByPriority;
        if (rows.Count == 0)
        {
            column.NoData($"No ticket was created in {figures.Label}, so no SLA target was set by priority.");
            return;
        }

        var target = figures.Sources.Settings.Targets.SlaCompliancePct;
        column.Lead($"Tickets created in the {figures.Unit} by priority; achieved out of decided targets, against the plan's ≥ {ReportText.Trim(target)} %. " +
                    "Active targets (open, deadline still ahead, or paused) are not decided yet.");
        column.Table(t => t
            .Column("Priority", 1.1f)
            .Column("Tickets", 0.9f, TextAlign.Right)
            .Column("1st response", 1, TextAlign.Right)
            .Column("Breached", 0.9f, TextAlign.Right)
            .Column("Active", 0.8f, TextAlign.Right)
            .Column("Resolution", 1, TextAlign.Right)
            .Column("Breached", 0.9f, TextAlign.Right)
            .Column("Active", 0.8f, TextAlign.Right)
            .Rows(rows, r =>
            [
                ReportText.Title(r.Priority),
                ReportText.Count(r.Tickets),
                Compliance(r.FirstResponse, target),
                ReportText.Count(r.FirstResponse.Breached),
                ReportText.Count(r.FirstResponse.Active),
                Compliance(r.Resolution, target),
                ReportText.Count(r.Resolution.Breached),
                ReportText.Count(r.Resolution.Active),
            ]));
    }

    /// <summary>A compliance cell coloured by its verdict, with the places that decide it.</summary>
    public static TableCell Compliance(SlaCompliance sla, double target)
    {
        if (sla.Percent is not { } pct)
        {
            return ReportText.Cell(ReportText.NotMeasured);
        }

        var check = new TargetCheck("sla", pct, target, TargetDirection.AtLeast);
        return new TableCell(ReportText.Shown(check, ValueFormat.Percent), check.Met == true ? CellTone.Met : CellTone.Missed);
    }
}

/// <summary>How long first responses and resolutions took in business time on each tier's calendar, median and 90th percentile.</summary>
internal sealed class SlaTimesSection(PeriodFigures figures) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("Time to first response and to resolution", 2);
        var tiers = figures.ByTier.Where(g => g.FirstResponseBusinessMinutes.P50 is not null || g.ResolutionBusinessHours.P50 is not null).ToList();
        if (tiers.Count == 0)
        {
            column.NoData($"No SLA target was met or missed in {figures.Label}: there are no times to show.");
            return;
        }

        var policies = figures.Sources.Settings.SlaPolicies;
        column.Lead($"Business time on each tier's calendar (its hours, holidays and pauses), for the tickets created in the {figures.Unit} whose response or resolution is done.");
        column.Table(t => t
            .Column("Tier", 1.2f)
            .Column("1st response target", 1.2f, TextAlign.Right)
            .Column("Median", 0.9f, TextAlign.Right)
            .Column("90th pct", 0.9f, TextAlign.Right)
            .Column("Resolution target", 1.2f, TextAlign.Right)
            .Column("Median", 0.9f, TextAlign.Right)
            .Column("90th pct", 0.9f, TextAlign.Right)
            .Rows(tiers, g =>
            [
                ReportText.Title(g.Key),
                TargetText(policies, g.Key, firstResponse: true),
                ReportText.Minutes(g.FirstResponseBusinessMinutes.P50),
                ReportText.Minutes(g.FirstResponseBusinessMinutes.P90),
                TargetText(policies, g.Key, firstResponse: false),
                ReportText.Hours(g.ResolutionBusinessHours.P50),
                ReportText.Hours(g.ResolutionBusinessHours.P90),
            ]));
    }

    private static string TargetText(SlaPolicySet policies, string tier, bool firstResponse)
    {
        if (!Enum.TryParse<SupportTier>(tier, ignoreCase: true, out var parsed))
        {
            return ReportText.NotMeasured;
        }

        var targets = policies.For(parsed).Targets;
        return ReportText.Span(firstResponse ? targets.FirstResponse : targets.Resolution) + " · " + targets.Calendar.Name;
    }
}

/// <summary>The breaches with the longest overrun: which ticket, whose, which target, and by how much.</summary>
internal sealed class WorstBreachesSection(PeriodFigures figures) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("The worst breaches");
        var breaches = figures.WorstBreaches;
        if (breaches.Total == 0)
        {
            column.NoData($"No SLA target of a ticket created in {figures.Label} was breached.");
            return;
        }

        column.Lead(string.Create(CultureInfo.InvariantCulture,
            $"{ReportText.Count(breaches.Total)} targets were breached on tickets created in the {figures.Unit}; the {breaches.Worst.Count} with the longest overrun " +
            $"(wall-clock time from the deadline to the response or solve, or to {(figures.AsOf is { } at ? ReportText.Stamp(at, figures.Zone) : "now")} for tickets still open)."));
        var zone = figures.Zone;
        column.Table(t => t
            .Column("Ticket", 1)
            .Column("Client", 1.85f)
            .Column("Tier", 1.3f)
            .Column("Priority", 0.8f)
            .Column("Target", 1.05f)
            .Column("Due", 1.65f)
            .Column("Done", 1.65f)
            .Column("Overrun", 0.8f, TextAlign.Right)
            .Rows(breaches.Worst, b =>
            [
                b.TicketId,
                b.ClientName ?? b.ClientId,
                ReportText.Title(b.Tier ?? ReportText.NotMeasured),
                ReportText.Title(b.Priority),
                b.Target == SlaTarget.FirstResponse ? "First response" : "Resolution",
                ReportText.Stamp(b.Due, zone),
                b.DoneAt is { } done ? ReportText.Stamp(done, zone) : new TableCell("still open", CellTone.Missed),
                new TableCell(ReportText.Duration(b.Overrun), CellTone.Emphasis),
            ]));
    }
}

/// <summary>When tickets arrive: the mean tickets per hour of each weekday of the month, as a heatmap.</summary>
internal sealed class ArrivalSection(PeriodFigures figures) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading("When tickets arrive");
        var pattern = figures.Arrivals;
        if (pattern.Tickets == 0)
        {
            column.NoData($"No ticket was created in {figures.Label}.");
            return;
        }

        var busiest = pattern.Cells.MaxBy(c => c.PerDay ?? 0)!;
        column.Lead(string.Create(CultureInfo.InvariantCulture,
            $"Tickets created per hour, averaged over the {figures.Label} days of each weekday ({ReportText.Count(pattern.Tickets)} tickets). " +
            $"The busiest hour is {busiest.Day} {busiest.Hour:00}:00 with {busiest.PerDay:F1} tickets on average: breaches cluster where arrivals outrun staffing."));
        column.Chart(new HeatmapChart(new HeatmapChartData(
            "Tickets created per hour, by weekday",
            "Tickets per hour",
            ValueFormat.Decimal,
            figures.ReportZone,
            [.. pattern.Cells.Select(c => new HeatCell((DayOfWeek)((int)c.Day % 7), c.Hour, c.PerDay))])));
    }
}
