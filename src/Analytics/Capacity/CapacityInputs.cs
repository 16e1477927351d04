using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>Forecast contacts of one channel per reporting-time-zone day.</summary>
public sealed record ChannelForecast(string Channel, IReadOnlyList<DailyContacts> Days);

public sealed record DailyContacts(LocalDate Date, double Contacts);

/// <summary>
/// Everything a capacity plan needs, as plain values: the daily forecast per channel, how each channel turns
/// into work, the share of a day's contacts in each hour (24 values in the reporting time zone, summing to 1;
/// null spreads the day evenly; a channel in <see cref="ChannelHourlyShares"/> uses its own), the roster's shifts and
/// the shrinkage (the share of paid time not spent on contacts: breaks, training, meetings, absence).
/// </summary>
public sealed record CapacityInputs(
    IReadOnlyList<ChannelForecast> Forecasts,
    IReadOnlyList<ChannelWorkload> Channels,
    IReadOnlyList<Shift> Shifts,
    double Shrinkage,
    string ReportingTimeZone = "America/New_York",
    IReadOnlyList<double>? HourlyShares = null,
    IReadOnlyDictionary<string, IReadOnlyList<double>>? ChannelHourlyShares = null)
{
    public CapacityInputs Validate()
    {
        if (Shrinkage is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Shrinkage), Shrinkage, "shrinkage must be in [0, 1).");
        }

        foreach (var shares in (ChannelHourlyShares?.Values ?? []).Prepend(HourlyShares))
        {
            if (shares is not null && (shares.Count != 24 || shares.Any(s => s < 0) || Math.Abs(shares.Sum() - 1) > 1e-6))
            {
                throw new ArgumentException("hourly shares must be 24 non-negative values that sum to 1.", nameof(HourlyShares));
            }
        }

        foreach (var forecast in Forecasts)
        {
            if (Channels.All(c => c.Channel != forecast.Channel))
            {
                throw new ArgumentException($"Channel \"{forecast.Channel}\" has a forecast but no workload rule (handle time or service level).");
            }
        }

        foreach (var live in Channels.OfType<LiveChannel>())
        {
            live.Target.Validate();
        }

        _ = DateTimeZoneProviders.Tzdb.GetZoneOrNull(ReportingTimeZone)
            ?? throw new ArgumentException($"Unknown reporting time zone \"{ReportingTimeZone}\".");
        foreach (var shift in Shifts)
        {
            _ = shift.Zone;
            if (shift.Agents < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Shifts), shift.Agents, $"Shift \"{shift.Name}\" cannot have negative agents.");
            }
        }

        return this;
    }
}
