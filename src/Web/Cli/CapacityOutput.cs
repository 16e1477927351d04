using System.Globalization;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Capacity;

namespace SupportLens.Web.Cli;

/// <summary>The capacity verb's text (for a capacity planner) and JSON.</summary>
internal static class CapacityOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Text(CapacityReport report, DateTimeZone zone)
    {
        var text = new StringBuilder();
        var weeks = report.Weeks.Select(w => w.WeekStart).Distinct().Count();
        text.AppendLine(Invariant, $"Capacity plan: {weeks} week{(weeks == 1 ? string.Empty : "s")}, {Date(report.From)} to {Date(report.To)} (ISO weeks, days in {zone.Id})");
        text.AppendLine(Invariant, $"From forecast run {report.ForecastRunId} (generated {report.ForecastGeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, history through {Date(report.HistoryThrough)}); shrinkage {report.Shrinkage:P0}, maximum occupancy {report.MaxOccupancy:P0}");
        text.AppendLine();

        text.AppendLine("Workload per channel");
        text.AppendLine(Invariant, $"  {"channel",-8} {"kind",-8} {"contacts/wk",11} {"handle",7} {"solved/h",8} {"work h/wk",9}  {"service level",-14} source");
        foreach (var c in report.Channels)
        {
            var level = c.ServiceLevel is { } s ? string.Create(Invariant, $"{s.Share:P0} in {s.AnswerWithin.TotalSeconds:0} s") : "–";
            text.AppendLine(Invariant,
                $"  {c.Channel,-8} {(c.Live ? "live" : "deferred"),-8} {c.ContactsPerWeek,11:N0} {Handle(c.HandleTime),7} {Figure(c.SolvedPerAgentHour, "F2"),8} {Figure(c.WorkloadHoursPerWeek, "N0"),9}  {level,-14} {c.Source ?? "not planned: " + c.NotPlanned}");
        }

        var productivity = report.Productivity;
        text.AppendLine();
        text.AppendLine(Invariant, $"Agent productivity {Date(productivity.From)} to {Date(productivity.To)}: tickets solved per productive agent-hour");
        var channelNames = productivity.Channels.Select(c => c.Channel).ToArray();
        text.AppendLine(string.Create(Invariant, $"  {"shift",-10} {"rostered",8} {"seen",5} {"agent h",8} {"productive h",12} {"solved",7} {"per h",6} ")
            + string.Join(" ", channelNames.Select(c => $"{c,6}")));
        foreach (var s in productivity.Shifts)
        {
            var byChannel = channelNames.Select(name => $"{Figure(s.Channels.FirstOrDefault(c => c.Channel == name)?.SolvedPerAgentHour, "F2"),6}");
            text.AppendLine(string.Create(Invariant,
                $"  {Clip(s.Shift, 10),-10} {s.RosteredAgents,8} {s.AgentsSeen,5} {s.RosteredHours,8:N0} {s.ProductiveHours,12:N0} {s.Solved,7:N0} {Figure(s.SolvedPerAgentHour, "F2"),6} ")
                + string.Join(" ", byChannel));
        }
        text.AppendLine(string.Create(Invariant,
            $"  {"roster",-10} {productivity.Shifts.Sum(s => s.RosteredAgents),8} {productivity.Shifts.Sum(s => s.AgentsSeen),5} {productivity.Shifts.Sum(s => s.RosteredHours),8:N0} {productivity.Shifts.Sum(s => s.ProductiveHours),12:N0} {productivity.Shifts.Sum(s => s.Solved),7:N0} {"",6} ")
            + string.Join(" ", productivity.Channels.Select(c => $"{Figure(c.SolvedPerAgentHour, "F2"),6}")));
        if (productivity.SolvedWithoutAgent + productivity.SolvedOutsideShifts > 0)
        {
            text.AppendLine(Invariant,
                $"  not counted: {productivity.SolvedWithoutAgent:N0} solved without an agent, {productivity.SolvedOutsideShifts:N0} by agents whose solves fall in no shift's hours");
        }

        text.AppendLine();
        text.AppendLine("Agents per shift, week by week");
        text.AppendLine(Invariant, $"  {"week of",-10} {"shift",-10} {"required",8} {"scheduled",9} {"rostered",8} {"gap",6} {"short days",10}  required by channel");
        foreach (var w in report.Weeks)
        {
            var channels = string.Join(", ", w.RequiredByChannel.Where(c => c.Value > 0).Select(c => string.Create(Invariant, $"{c.Key} {c.Value:0.#}")));
            text.AppendLine(Invariant,
                $"  {Date(w.WeekStart),-10} {Clip(w.Shift, 10),-10} {w.RequiredAgents,8:F1} {w.ScheduledAgents,9:F1} {w.RosteredAgents,8} {w.Gap,6:+0.0;-0.0;0.0} {w.ShortDays,10}  {channels}");
        }

        text.AppendLine();
        text.AppendLine("required   agents on the floor for the shift's busiest day of the week: its peak hour of live contacts");
        text.AppendLine("           (Erlang C per channel and hour at the service level and maximum occupancy) plus its deferred work");
        text.AppendLine("           (agent-hours of email, web and api spread over the shift)");
        text.AppendLine("scheduled  required / (1 − shrinkage): agents to schedule so that enough are on the floor");
        text.AppendLine("rostered   the shift's agents in the configuration (capacity.shifts); gap = rostered − scheduled, negative = short");
        text.AppendLine("short days days of that week on which the roster falls short of what the day needs");
        if (report.UncoveredContacts > 0.5)
        {
            text.AppendLine(Invariant, $"Uncovered: {report.UncoveredContacts:N0} forecast contacts fall in hours no shift covers; they need a shift, not more agents.");
        }

        return text.ToString();
    }

    private static string Handle(TimeSpan? handle) => handle is { } h ? string.Create(Invariant, $"{(int)h.TotalMinutes}m{h.Seconds:00}s") : "–";

    private static string Figure(double? value, string format) => value is { } v ? v.ToString(format, Invariant) : "–";

    private static double? Round(double? value, int places) => value is { } v ? Math.Round(v, places) : null;

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", Invariant);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
