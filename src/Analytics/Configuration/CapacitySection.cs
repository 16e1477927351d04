using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Capacity;

namespace SupportLens.Analytics.Configuration;

/// <summary>The optional <c>capacity</c> section; every key optional (README "Configuration").</summary>
internal sealed class CapacityDocument
{
    public double? ShrinkagePct { get; set; }

    public double? MaxOccupancyPct { get; set; }

    public int? MeasurementWeeks { get; set; }

    public Dictionary<string, CapacityChannelDocument>? Channels { get; set; }

    /// <summary>Shift name to its hours, zone, days and agents: the roster.</summary>
    public Dictionary<string, ShiftDocument>? Shifts { get; set; }

    public static CapacityDocument Defaults()
    {
        var defaults = CapacitySettings.Default;
        return new()
        {
            ShrinkagePct = Math.Round(defaults.Shrinkage * 100, 6),
            MaxOccupancyPct = Math.Round(defaults.MaxOccupancy * 100, 6),
            MeasurementWeeks = defaults.MeasurementWeeks,
            Channels = defaults.Channels.ToDictionary(c => c.Channel, c => new CapacityChannelDocument
            {
                HandleTime = c.HandleTime is { } h ? DurationText.Format(Duration.FromTimeSpan(h)) : CapacityChannelDocument.Measured,
                FallbackHandleTime = c.FallbackHandleTime is { } f ? DurationText.Format(Duration.FromTimeSpan(f)) : null,
                ServiceLevelPct = c.ServiceLevel is { } s ? Math.Round(s.Share * 100, 6) : null,
                // Seconds, as service levels are usually quoted ("80 % in 60 s").
                AnswerWithin = c.ServiceLevel is { } a ? string.Create(CultureInfo.InvariantCulture, $"{(long)a.AnswerWithin.TotalSeconds}s") : null,
            }),
            Shifts = defaults.Shifts.ToDictionary(s => s.Name, s => new ShiftDocument
            {
                Start = CapacityTimes.Format(s.Start),
                End = CapacityTimes.Format(s.End),
                TimeZone = s.TimeZone,
                Days = ["daily"],
                Agents = s.Agents,
            }),
        };
    }
}

internal sealed class CapacityChannelDocument
{
    public const string Measured = "measured";

    /// <summary>"measured" or a duration like "8m".</summary>
    public string? HandleTime { get; set; }

    public string? FallbackHandleTime { get; set; }

    /// <summary>With <see cref="AnswerWithin"/>: the channel is live (Erlang C).</summary>
    public double? ServiceLevelPct { get; set; }

    public string? AnswerWithin { get; set; }
}

internal sealed class ShiftDocument
{
    public string? Start { get; set; }

    /// <summary>At or before the start: the shift runs past midnight.</summary>
    public string? End { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>Day keys as calendars write them (mon..sun, mon-fri, daily); absent = daily.</summary>
    public List<string>? Days { get; set; }

    public int? Agents { get; set; }
}

internal static class CapacityTimes
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.Create("HH':'mm", CultureInfo.InvariantCulture);

    public static string Format(LocalTime time) => Pattern.Format(time);

    public static LocalTime? Parse(string text) => Pattern.Parse(text) is { Success: true } result ? result.Value : null;
}

internal sealed partial class SettingsBinder
{
    private static readonly string[] PlannedChannels = ["email", "chat", "phone", "web", "api"];

    private CapacitySettings? BindCapacity(string path, CapacityDocument? doc)
    {
        if (doc is null)
        {
            return CapacitySettings.Default;
        }

        var defaults = CapacitySettings.Default;
        var shrinkage = doc.ShrinkagePct is { } s ? Number($"{path}.shrinkage_pct", s, 0, 95) : defaults.Shrinkage * 100;
        var occupancy = doc.MaxOccupancyPct is { } o ? Number($"{path}.max_occupancy_pct", o, 1, 100) : defaults.MaxOccupancy * 100;
        var weeks = WholeNumber($"{path}.measurement_weeks", doc.MeasurementWeeks, defaults.MeasurementWeeks, 1, 52);
        var channels = doc.Channels is { } channelDocs ? BindChannels($"{path}.channels", channelDocs) : defaults.Channels;
        var shifts = doc.Shifts is { } shiftDocs ? BindShifts($"{path}.shifts", shiftDocs) : defaults.Shifts;
        if (shrinkage is null || occupancy is null || weeks is null || channels is null || shifts is null)
        {
            return null;
        }

        return new CapacitySettings
        {
            Shrinkage = shrinkage.Value / 100,
            MaxOccupancy = occupancy.Value / 100,
            MeasurementWeeks = weeks.Value,
            Channels = channels.Value,
            Shifts = shifts.Value,
        };
    }

    private ImmutableArray<ChannelPlan>? BindChannels(string path, Dictionary<string, CapacityChannelDocument> docs)
    {
        var plans = ImmutableArray.CreateBuilder<ChannelPlan>();
        var ok = true;
        foreach (var (channel, doc) in docs)
        {
            var channelPath = $"{path}.{channel}";
            if (!PlannedChannels.Contains(channel))
            {
                ok = Error(channelPath, $"unknown channel; channels are {string.Join(", ", PlannedChannels)}");
                continue;
            }

            if (Required(channelPath, doc) is not { } c)
            {
                ok = false;
                continue;
            }

            TimeSpan? handle = null;
            if (Required($"{channelPath}.handle_time", c.HandleTime) is not { } handleText)
            {
                ok = false;
            }
            else if (handleText != CapacityChannelDocument.Measured)
            {
                handle = HandleTime($"{channelPath}.handle_time", handleText, $"\"{CapacityChannelDocument.Measured}\" or ");
                ok &= handle is not null;
            }

            TimeSpan? fallback = null;
            if (c.FallbackHandleTime is { } fallbackText)
            {
                fallback = HandleTime($"{channelPath}.fallback_handle_time", fallbackText, string.Empty);
                ok &= fallback is not null;
            }

            ServiceLevelGoal? goal = null;
            if (c.ServiceLevelPct is not null || c.AnswerWithin is not null)
            {
                var share = c.ServiceLevelPct is { } pct ? Number($"{channelPath}.service_level_pct", pct, 1, 99.9) : null;
                var within = c.AnswerWithin is { } withinText ? AnswerTime($"{channelPath}.answer_within", withinText) : null;
                if (c.ServiceLevelPct is null)
                {
                    ok = Error($"{channelPath}.service_level_pct", "required with answer_within (a live channel needs both)");
                }
                else if (c.AnswerWithin is null)
                {
                    ok = Error($"{channelPath}.answer_within", "required with service_level_pct (a live channel needs both)");
                }

                if (share is { } sh && within is { } w)
                {
                    goal = new ServiceLevelGoal(sh / 100, w);
                }
                else
                {
                    ok = false;
                }
            }

            plans.Add(new ChannelPlan(channel, handle, fallback, goal));
        }

        return ok ? plans.ToImmutable() : null;
    }

    private TimeSpan? HandleTime(string path, string text, string alternative)
    {
        if (!DurationText.TryParse(text, out var duration))
        {
            Error(path, $"\"{text}\" is not {alternative}a duration like \"8m\" or \"90s\"");
            return null;
        }

        if (duration <= Duration.Zero)
        {
            Error(path, $"\"{text}\": a handle time must be more than zero");
            return null;
        }

        return duration.ToTimeSpan();
    }

    private TimeSpan? AnswerTime(string path, string text)
    {
        if (!DurationText.TryParse(text, out var duration))
        {
            Error(path, $"\"{text}\" is not a duration like \"60s\" or \"2m\"");
            return null;
        }

        return duration.ToTimeSpan();
    }

    private ImmutableArray<Shift>? BindShifts(string path, Dictionary<string, ShiftDocument> docs)
    {
        var shifts = ImmutableArray.CreateBuilder<Shift>();
        var ok = true;
        if (docs.Count == 0)
        {
            ok = Error(path, "the roster needs at least one shift");
        }

        foreach (var (name, doc) in docs)
        {
            var shiftPath = $"{path}.{name}";
            if (Required(shiftPath, doc) is not { } s)
            {
                ok = false;
                continue;
            }

            var start = ShiftTime($"{shiftPath}.start", s.Start);
            var end = ShiftTime($"{shiftPath}.end", s.End);
            var zone = Zone($"{shiftPath}.time_zone", s.TimeZone);
            var agents = Required($"{shiftPath}.agents", s.Agents) is { } a ? WholeNumber($"{shiftPath}.agents", a, 0, 0, 100_000) : null;
            var days = new List<IsoDayOfWeek>();
            var dayKeys = s.Days ?? ["daily"];
            for (var i = 0; i < dayKeys.Count; i++)
            {
                if (HoursText.ParseDays(dayKeys[i]) is { } parsed)
                {
                    days.AddRange(parsed.Where(d => !days.Contains(d)));
                }
                else
                {
                    ok = Error($"{shiftPath}.days[{i}]", $"unknown day key \"{dayKeys[i]}\"; use {HoursText.KnownDayKeys}");
                }
            }

            if (dayKeys.Count == 0)
            {
                ok = Error($"{shiftPath}.days", "a shift must work on some day");
            }

            if (start is { } from && end is { } to && zone is not null && agents is { } n)
            {
                shifts.Add(new Shift(name, from, to, zone.Id, n, days.Count == 7 ? null : [.. days.Order()]));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? shifts.ToImmutable() : null;
    }

    private LocalTime? ShiftTime(string path, string? text)
    {
        if (Required(path, text) is not { } t)
        {
            return null;
        }

        if (CapacityTimes.Parse(t) is not { } time)
        {
            Error(path, $"\"{t}\" is not a time of day like \"09:00\"");
            return null;
        }

        return time;
    }
}
