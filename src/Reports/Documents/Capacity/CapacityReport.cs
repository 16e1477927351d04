using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Forecasting;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Documents.Sections;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Capacity;

/// <summary>
/// The capacity plan: the stored forecast by channel, the work it means, and the agents each follow-the-sun shift needs
/// week by week against its roster, as `supportlens capacity` plans it (8 weeks) from the latest forecast.
/// </summary>
internal sealed class CapacityReport(PeriodFigures figures) : IReportDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private string PeriodName => figures.Label;

    public DocumentInfo Info => new("Capacity plan", "Forecast and staffing per shift, " + PeriodName, PeriodName, figures.ReportZone);

    public void Compose(ReportDocument document) => document.Page(page =>
    {
        page.Section(new CoverSection(
            "Capacity plan",
            figures,
            "Forecast contacts per channel become agent-hours of work (Erlang C for live chat and phone at their service levels, " +
            "measured productivity for email, web and API), then agents each shift needs on the floor and to schedule once " +
            "shrinkage is allowed for, week by week against the roster in the configuration."));
        var plan = figures.Capacity;
        var run = figures.Sources.Forecasts.Latest(SeriesFrequency.Daily, "channel");
        if (plan is null || run is null)
        {
            page.NoData("No forecast is stored yet, so there is nothing to plan: `supportlens refresh` makes one after each load.");
            return;
        }

        var through = ReportText.Day(plan.HistoryThrough);
        if (plan.HistoryThrough < figures.Start || plan.HistoryThrough > figures.Period.To)
        {
            // Only the latest forecast is stored: a plan for another period's data cannot be made again, and the latest
            // plan under this period's name would mislead.
            var covering = figures.Span.Kind == SpanKind.Month ? ReportSpan.Month(plan.HistoryThrough, figures.Zone) : ReportSpan.Week(plan.HistoryThrough, figures.Zone);
            page.NoData($"No capacity plan rests on the data of {PeriodName}: plans are made from the latest stored forecast only, which was made from data " +
                        $"through {through}. The report of {covering.Label} shows it.");
            return;
        }

        var weeks = plan.Weeks.Select(w => w.WeekStart).Distinct().Count();
        page.Paragraph(string.Create(Invariant,
            $"The plan covers {weeks} ISO week{(weeks == 1 ? "" : "s")}, {ReportText.Day(plan.From)} to {ReportText.Day(plan.To)}, from forecast run {plan.ForecastRunId} " +
            $"(made from data through {through}); shrinkage {plan.Shrinkage:P0}, maximum occupancy {plan.MaxOccupancy:P0}."));
        page.Section(new ShortfallSection(plan));
        page.Section(new ChannelForecastSection(run, plan));
        page.Section(new WorkloadSection(plan));
        page.Section(new WeeksSection(plan));
        page.Section(new ProductivitySection(plan.Productivity));
    });

    /// <summary>The gap per shift and week as bars: below zero the shift is short of what it should schedule.</summary>
    private sealed class ShortfallSection(Analytics.Capacity.CapacityReport plan) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Agents per shift against the roster");
            if (plan.Weeks.Count == 0)
            {
                column.NoData("The stored forecast does not reach a whole week, so no week can be planned.");
                return;
            }

            var shifts = plan.Weeks.Select(w => w.Shift).Distinct().ToList();
            var worst = plan.Weeks.MinBy(w => w.Gap)!;
            column.Lead(worst.Gap < 0
                ? string.Create(Invariant, $"Gap = rostered − scheduled agents. The largest shortfall is {worst.Shift} in the week of {ReportText.Day(worst.WeekStart)}: {worst.RosteredAgents} rostered for {worst.ScheduledAgents:F1} to schedule ({worst.Gap:+0.0;−0.0;0.0}).")
                : "Gap = rostered − scheduled agents. Every shift is covered in every planned week.");
            column.Chart(new BarChart(new BarChartData(
                "Roster minus agents to schedule, by shift and week (below zero: short)",
                "Agents",
                new ValueFormat(1, "", "", Signed: true),
                [.. shifts.Select(shift => new CategorySeries(shift, [.. plan.Weeks.Where(w => w.Shift == shift)
                    .Select(w => new LabelledValue(w.WeekStart.ToString("MMM d", Invariant), w.Gap))]))],
                new TargetLine(0, "Rostered = scheduled"))), 200);
        }
    }

    /// <summary>The daily forecast of each channel over the planned weeks (the `forecast` run the plan rests on).</summary>
    private sealed class ChannelForecastSection(StoredForecastRun run, Analytics.Capacity.CapacityReport plan) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("The forecast by channel", 2);
            var series = run.Series.Select(s => (Name: ReportText.Channel(s.Key["channel:".Length..]), Points: s.Points.Where(p => p.Date >= plan.From && p.Date <= plan.To).ToList()))
                .Where(s => s.Points.Count > 0).ToList();
            if (series.Count == 0)
            {
                column.NoData("The stored forecast has no day inside the planned weeks.");
                return;
            }

            column.Chart(new StackedBarChart(new BarChartData(
                $"Forecast contacts per week by channel, {ReportText.Day(plan.From)} to {ReportText.Day(plan.To)}",
                "Contacts per week",
                ValueFormat.Count,
                [.. series.Select(s => new CategorySeries(s.Name, [.. s.Points.GroupBy(p => Monday(p.Date))
                    .Select(g => new LabelledValue(g.Key.ToString("MMM d", Invariant), g.Sum(p => p.Value)))]))])), 190);
            column.Note(string.Create(Invariant,
                $"Counted from: {run.Sources}. Interval coverage on held-out days: {Share(run.Coverage.Coverage80)} inside the 80 % interval, {Share(run.Coverage.Coverage95)} inside the 95 % one."));
        }

        private static LocalDate Monday(LocalDate day) => day.PlusDays(-((int)day.DayOfWeek - 1));

        private static string Share(double? share) => share is { } s ? (s * 100).ToString("F1", Invariant) + " %" : ReportText.NotMeasured;
    }

    /// <summary>Each channel's weekly contacts, handle time or productivity, work hours and service level.</summary>
    private sealed class WorkloadSection(Analytics.Capacity.CapacityReport plan) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Workload per channel", 2);
            column.Table(t => t
                .Column("Channel", 0.8f)
                .Column("Kind", 0.8f)
                .Column("Contacts / week", 1, TextAlign.Right)
                .Column("Handle time", 0.9f, TextAlign.Right)
                .Column("Solved / h", 0.8f, TextAlign.Right)
                .Column("Work h / week", 1, TextAlign.Right)
                .Column("Service level", 1.1f)
                .Column("Source", 2.4f)
                .Rows(plan.Channels, c =>
                [
                    ReportText.Channel(c.Channel),
                    c.Live ? "live" : "deferred",
                    c.ContactsPerWeek.ToString("N0", Invariant),
                    ReportText.Cell(c.HandleTime is { } h ? string.Create(Invariant, $"{(int)h.TotalMinutes}m{h.Seconds:00}s") : ReportText.NotMeasured),
                    ReportText.Cell(c.SolvedPerAgentHour is { } r ? r.ToString("F2", Invariant) : ReportText.NotMeasured),
                    ReportText.Cell(c.WorkloadHoursPerWeek is { } w ? w.ToString("N0", Invariant) : ReportText.NotMeasured),
                    ReportText.Cell(c.ServiceLevel is { } s ? string.Create(Invariant, $"{s.Share:P0} in {s.AnswerWithin.TotalSeconds:0} s") : ReportText.NotMeasured),
                    c.Source ?? new TableCell("not planned: " + c.NotPlanned, CellTone.Missed),
                ]));
        }
    }

    /// <summary>The week-by-week table of `supportlens capacity`.</summary>
    private sealed class WeeksSection(Analytics.Capacity.CapacityReport plan) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Week by week", 2);
            column.Table(t => t
                .Column("Week of", 0.95f)
                .Column("Shift", 0.8f)
                .Column("Required", 0.8f, TextAlign.Right)
                .Column("Scheduled", 0.9f, TextAlign.Right)
                .Column("Rostered", 0.8f, TextAlign.Right)
                .Column("Gap", 0.6f, TextAlign.Right)
                .Column("Short days", 0.65f, TextAlign.Right)
                .Column("Required by channel", 3.1f)
                .Rows(plan.Weeks, w =>
                [
                    ReportText.Day(w.WeekStart),
                    w.Shift,
                    w.RequiredAgents.ToString("F1", Invariant),
                    w.ScheduledAgents.ToString("F1", Invariant),
                    w.RosteredAgents.ToString(Invariant),
                    new TableCell(ReportText.Minus(w.Gap.ToString("+0.0;-0.0;0.0", Invariant)), w.Gap < 0 ? CellTone.Missed : CellTone.Met),
                    w.ShortDays.ToString(Invariant),
                    string.Join(", ", w.RequiredByChannel.Where(c => c.Value > 0).Select(c => string.Create(Invariant, $"{c.Key} {c.Value:0.#}"))),
                ]));
            column.Note("Required: agents on the floor for the shift's busiest day of the week (its peak hour of live contacts by Erlang C, plus its " +
                        "deferred work spread over the shift). Scheduled: required / (1 − shrinkage). Gap: rostered − scheduled; short days: days the roster falls short.");
            if (plan.UncoveredContacts > 0.5)
            {
                column.NoData(string.Create(Invariant, $"{plan.UncoveredContacts:N0} forecast contacts fall in hours no shift covers: they need a shift, not more agents on one."));
            }
        }
    }

    /// <summary>What the data measured of the roster: tickets solved per productive agent-hour, by shift and channel.</summary>
    private sealed class ProductivitySection(AgentProductivity productivity) : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            column.Heading("Measured agent productivity", 2);
            column.Lead($"Tickets solved per productive agent-hour, {ReportText.Day(productivity.From)} to {ReportText.Day(productivity.To)}: what the deferred channels' work is planned with.");
            var channels = productivity.Channels.Select(c => c.Channel).ToList();
            column.Table(t =>
            {
                t.Column("Shift", 1)
                    .Column("Rostered", 0.8f, TextAlign.Right)
                    .Column("Seen", 0.6f, TextAlign.Right)
                    .Column("Productive h", 1, TextAlign.Right)
                    .Column("Solved", 0.8f, TextAlign.Right)
                    .Column("Per h", 0.6f, TextAlign.Right);
                foreach (var channel in channels)
                {
                    t.Column(ReportText.Channel(channel), 0.6f, TextAlign.Right);
                }

                t.Rows(productivity.Shifts, s =>
                [
                    s.Shift,
                    s.RosteredAgents.ToString(Invariant),
                    s.AgentsSeen.ToString(Invariant),
                    s.ProductiveHours.ToString("N0", Invariant),
                    s.Solved.ToString("N0", Invariant),
                    Rate(s.SolvedPerAgentHour),
                    .. channels.Select(c => Rate(s.Channels.FirstOrDefault(x => x.Channel == c)?.SolvedPerAgentHour)),
                ]);
            });
        }

        private static TableCell Rate(double? rate) => ReportText.Cell(rate is { } r ? r.ToString("F2", Invariant) : ReportText.NotMeasured);
    }
}
