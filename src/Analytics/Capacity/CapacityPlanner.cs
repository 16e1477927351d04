using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// Forecast → workload per hour → agents per shift. Each day's forecast is spread over the reporting-zone hours
/// by the hourly shares; every hour a shift covers (converted from the shift's own time zone, DST included) is
/// staffed by Erlang C for live channels, while deferred channels add their agent-hours spread over the shift.
/// A shift-day needs its peak live hour plus its deferred work; a week needs its busiest day; scheduled agents
/// allow for shrinkage. An hour covered by two shifts is shared between them equally.
/// </summary>
public sealed class CapacityPlanner
{
    private static readonly Duration Hour = Duration.FromHours(1);

    public CapacityPlan Plan(CapacityInputs inputs)
    {
        inputs.Validate();
        var reporting = DateTimeZoneProviders.Tzdb[inputs.ReportingTimeZone];
        var hourly = HourlyContacts(inputs);
        if (hourly.Count == 0)
        {
            return new CapacityPlan([], 0);
        }

        var first = hourly.Values.SelectMany(h => h.Keys).Min();
        var last = hourly.Values.SelectMany(h => h.Keys).Max();
        var occurrences = Occurrences(inputs.Shifts, reporting, first, last).ToArray();
        var cover = occurrences.SelectMany(o => o.Hours).GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());

        // A shift-day cut by the start or end of the forecast still shares its hours, but is not staffed from half a day.
        var days = occurrences
            .Where(o => o.Hours[0] >= first && o.Hours[^1] <= last)
            .Select(o => StaffDay(o, inputs, hourly, cover))
            .ToArray();
        var weeks = days
            .GroupBy(d => (d.Occurrence.ShiftIndex, Week: WeekStart(d.Occurrence.Date)))
            .OrderBy(g => g.Key.Week)
            .ThenBy(g => g.Key.ShiftIndex)
            .Select(g => Week(g.Key.Week, inputs.Shifts[g.Key.ShiftIndex], g.ToArray(), inputs.Shrinkage))
            .ToArray();

        var uncovered = hourly.Values.SelectMany(h => h).Where(h => !cover.ContainsKey(h.Key)).Sum(h => h.Value);
        return new CapacityPlan(weeks, uncovered);
    }

    private static ShiftWeek Week(LocalDate weekStart, Shift shift, StaffedDay[] days, double shrinkage)
    {
        var required = days.Max(d => d.Required);
        var scheduled = required / (1 - shrinkage);
        var byChannel = days.SelectMany(d => d.ByChannel)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(c => c.Value), StringComparer.Ordinal);
        var shortDays = days.Count(d => shift.Agents < d.Required / (1 - shrinkage));
        return new ShiftWeek(weekStart, shift.Name, required, scheduled, shift.Agents, shift.Agents - scheduled, shortDays, byChannel);
    }

    private static StaffedDay StaffDay(
        ShiftOccurrence occurrence, CapacityInputs inputs, Dictionary<string, Dictionary<LocalDateTime, double>> hourly, Dictionary<LocalDateTime, int> cover)
    {
        var peakLive = 0;
        var byChannel = new Dictionary<string, double>(StringComparer.Ordinal);
        double deferredHours = 0;
        foreach (var hour in occurrence.Hours)
        {
            var liveThisHour = 0;
            foreach (var channel in inputs.Channels)
            {
                var contacts = hourly.TryGetValue(channel.Channel, out var byHour) && byHour.TryGetValue(hour, out var c) ? c / cover[hour] : 0;
                switch (channel)
                {
                    case LiveChannel live:
                        var agents = ErlangC.RequiredAgents(contacts, TimeSpan.FromHours(1), live.Target).Agents;
                        liveThisHour += agents;
                        byChannel[channel.Channel] = Math.Max(byChannel.GetValueOrDefault(channel.Channel), agents);
                        break;
                    case DeferredChannel deferred:
                        var work = deferred.AgentHours(contacts);
                        deferredHours += work;
                        byChannel[channel.Channel] = byChannel.GetValueOrDefault(channel.Channel) + work / occurrence.Hours.Count;
                        break;
                }
            }

            peakLive = Math.Max(peakLive, liveThisHour);
        }

        return new StaffedDay(occurrence, peakLive + deferredHours / occurrence.Hours.Count, byChannel);
    }

    // Contacts per channel per reporting-zone hour (local date and hour; minutes are zero).
    private static Dictionary<string, Dictionary<LocalDateTime, double>> HourlyContacts(CapacityInputs inputs)
    {
        var shares = inputs.HourlyShares ?? Enumerable.Repeat(1.0 / 24, 24).ToArray();
        var result = new Dictionary<string, Dictionary<LocalDateTime, double>>(StringComparer.Ordinal);
        foreach (var forecast in inputs.Forecasts)
        {
            var byHour = result.TryGetValue(forecast.Channel, out var existing) ? existing : result[forecast.Channel] = [];
            var profile = inputs.ChannelHourlyShares?.GetValueOrDefault(forecast.Channel) ?? shares;
            foreach (var day in forecast.Days)
            {
                for (var h = 0; h < 24; h++)
                {
                    var key = day.Date.At(new LocalTime(h, 0));
                    byHour[key] = byHour.GetValueOrDefault(key) + day.Contacts * profile[h];
                }
            }
        }

        return result;
    }

    // Every working day of every shift that touches the forecast, with its hours as reporting-zone hour keys.
    private static IEnumerable<ShiftOccurrence> Occurrences(IReadOnlyList<Shift> shifts, DateTimeZone reporting, LocalDateTime first, LocalDateTime last)
    {
        for (var index = 0; index < shifts.Count; index++)
        {
            var shift = shifts[index];
            for (var date = first.Date.PlusDays(-1); date <= last.Date.PlusDays(1); date = date.PlusDays(1))
            {
                if (!shift.WorksOn(date))
                {
                    continue;
                }

                var (start, end) = shift.On(date);
                var hours = new List<LocalDateTime>();
                for (var instant = start; instant < end; instant += Hour)
                {
                    var local = instant.InZone(reporting).LocalDateTime;
                    hours.Add(local.Date.At(new LocalTime(local.Hour, 0)));
                }

                if (hours.Count > 0 && hours[^1] >= first && hours[0] <= last)
                {
                    yield return new ShiftOccurrence(index, date, hours);
                }
            }
        }
    }

    private static LocalDate WeekStart(LocalDate date) => date.PlusDays(IsoDayOfWeek.Monday - date.DayOfWeek);

    private sealed record ShiftOccurrence(int ShiftIndex, LocalDate Date, IReadOnlyList<LocalDateTime> Hours);

    private sealed record StaffedDay(ShiftOccurrence Occurrence, double Required, IReadOnlyDictionary<string, double> ByChannel);
}
