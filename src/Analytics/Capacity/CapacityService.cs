using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// Plans agents per shift from the latest stored daily forecast (per channel), the configured service levels and
/// roster, and what the data measures over the last weeks of history: handle times from the volume export, agent
/// productivity from the tickets' agents, and each channel's intraday profile. Reads only: the forecast comes from
/// <c>refresh</c>; the plan itself is a few thousand Erlang C evaluations, cheap enough to work out on every read.
/// </summary>
public sealed class CapacityService(Warehouse warehouse, SupportLensSettings settings)
{
    /// <summary>The plan for the first <paramref name="weeks"/> whole ISO weeks of the stored forecast; null when none is stored.</summary>
    public CapacityReport? Plan(int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        using var connection = warehouse.OpenConnection();
        var run = ForecastStore.Latest(connection, SeriesFrequency.Daily, "channel:");
        if (run is null)
        {
            return null;
        }

        return Plan(connection, run, weeks);
    }

    internal CapacityReport Plan(WarehouseConnection connection, StoredForecastRun run, int weeks)
    {
        var capacity = settings.Capacity;
        var zone = settings.ReportingTimeZone;
        var window = MeasurementWindow.Before(run.HistoryThrough, capacity.MeasurementWeeks, zone);
        var productivity = ProductivityQuery.Measure(connection, capacity.Shifts, window, capacity.Shrinkage);
        var handleTimes = ContactMeasurements.HandleTimes(connection, window);
        var shares = ContactMeasurements.HourlyShares(connection, window);

        // Whole ISO weeks: from the first Monday of the forecast to the last Sunday it reaches.
        var first = run.HistoryThrough.PlusDays(1);
        var firstMonday = first.PlusDays(((int)IsoDayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        var last = run.HistoryThrough.PlusDays(run.Horizon);
        var available = Math.Max(0, (Period.DaysBetween(firstMonday, last) + 1) / 7);
        var planned = Math.Min(weeks, available);
        var to = firstMonday.PlusDays(7 * planned - 1);

        var forecasts = new List<ChannelForecast>();
        var workloads = new List<ChannelWorkload>();
        var channels = new List<ChannelWorkloadPlan>();
        var channelKeys = run.Series.Select(s => s.Key["channel:".Length..]).ToList();
        foreach (var extra in capacity.Channels.Select(c => c.Channel).Where(c => !channelKeys.Contains(c)))
        {
            channelKeys.Add(extra);
        }

        foreach (var channel in channelKeys)
        {
            var series = run.Series.FirstOrDefault(s => s.Key == VolumeSeriesQuery.ChannelKey(channel));
            // The day before and after the planned weeks too, so that shifts crossing midnight at either end are whole.
            var days = series?.Points.Where(p => p.Date >= firstMonday.PlusDays(-1) && p.Date <= to.PlusDays(1))
                .Select(p => new DailyContacts(p.Date, p.Value)).ToArray() ?? [];
            var perWeek = planned == 0 ? 0 : days.Where(d => d.Date >= firstMonday && d.Date <= to).Sum(d => d.Contacts) / planned;
            var plan = capacity.Channel(channel);
            if (plan is null)
            {
                channels.Add(new ChannelWorkloadPlan(channel, false, perWeek, null, null, null, null, null,
                    $"no capacity.channels.{channel} entry in the configuration"));
                continue;
            }

            var (handle, rate, source, reason) = Workload(plan, handleTimes, productivity);
            if (reason is not null)
            {
                channels.Add(new ChannelWorkloadPlan(channel, plan.IsLive, perWeek, null, null, null, null, plan.ServiceLevel, reason));
                continue;
            }

            var hoursPerWeek = handle is { } h ? perWeek * h.TotalHours : perWeek / rate!.Value;
            channels.Add(new ChannelWorkloadPlan(channel, plan.IsLive, perWeek, handle, rate, source, hoursPerWeek, plan.ServiceLevel, null));
            if (days.Length == 0)
            {
                continue;
            }

            forecasts.Add(new ChannelForecast(channel, days));
            workloads.Add(plan.ServiceLevel is { } goal
                ? new LiveChannel(channel, new ServiceLevelTarget(goal.Share, goal.AnswerWithin, handle!.Value, capacity.MaxOccupancy))
                : new DeferredChannel(channel, handle, handle is null ? rate : null));
        }

        var result = new CapacityPlanner().Plan(new CapacityInputs(forecasts, workloads, capacity.Shifts, capacity.Shrinkage, zone.Id,
            ChannelHourlyShares: shares.Where(s => workloads.Any(w => w.Channel == s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal)));
        var rows = result.Weeks.Where(w => w.WeekStart >= firstMonday && w.WeekStart <= to).ToArray();
        return new CapacityReport(run.RunId, run.GeneratedAt, run.HistoryThrough, firstMonday, to, available, capacity.Shrinkage,
            capacity.MaxOccupancy, channels, productivity, rows, result.UncoveredContacts);
    }

    /// <summary>
    /// The channel's handle time or rate, in the order the configuration's "measured" promises: a configured handle time;
    /// else the volume export's; else, for a deferred channel, the agents' measured productivity; else the fallback.
    /// </summary>
    private static (TimeSpan? Handle, double? Rate, string? Source, string? NotPlanned) Workload(
        ChannelPlan plan, IReadOnlyDictionary<string, MeasuredHandleTime> handleTimes, AgentProductivity productivity)
    {
        if (plan.HandleTime is { } configured)
        {
            return (configured, null, "configured", null);
        }

        if (handleTimes.TryGetValue(plan.Channel, out var measured))
        {
            return (measured.HandleTime, null, string.Create(CultureInfo.InvariantCulture, $"volume export ({measured.Contacts:N0} contacts)"), null);
        }

        if (!plan.IsLive && productivity.Channel(plan.Channel) is { SolvedPerAgentHour: { } rate } measuredRate)
        {
            return (null, rate, string.Create(CultureInfo.InvariantCulture, $"agent productivity ({measuredRate.Solved:N0} solved)"), null);
        }

        if (plan.FallbackHandleTime is { } fallback)
        {
            return (fallback, null, "fallback (not measured)", null);
        }

        return (null, null, null, plan.IsLive
            ? $"handle time not measured (no volume export with handle times); set capacity.channels.{plan.Channel}.handle_time or fallback_handle_time"
            : $"neither handle time nor productivity measured (no volume export with handle times, no solves with agents); set capacity.channels.{plan.Channel}.handle_time");
    }
}
