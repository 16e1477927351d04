using NodaTime;

namespace SupportLens.Analytics.Forecasting;

/// <summary>How far apart two observations of a series are.</summary>
public enum SeriesFrequency
{
    /// <summary>One value per reporting-time-zone day; the season is the week (7).</summary>
    Daily,

    /// <summary>One value per ISO week starting on Monday; the season is the year (52).</summary>
    Weekly,
}

/// <summary>
/// Contacts counted per day (or week) for one slice of the organisation, such as "total", "channel:chat",
/// "tier:enterprise" or "client:acme". Days without contacts are zeros, never missing.
/// </summary>
public sealed record VolumeSeries
{
    public VolumeSeries(string key, LocalDate start, IReadOnlyList<double> values, SeriesFrequency frequency = SeriesFrequency.Daily)
    {
        if (values.Any(v => double.IsNaN(v) || double.IsInfinity(v)))
        {
            throw new ArgumentException($"Series \"{key}\" has a value that is not a finite number.", nameof(values));
        }

        if (frequency == SeriesFrequency.Weekly && start.DayOfWeek != IsoDayOfWeek.Monday)
        {
            throw new ArgumentException($"Weekly series \"{key}\" must start on a Monday, not {start:uuuu-MM-dd}.", nameof(start));
        }

        Key = key;
        Start = start;
        Values = values.ToArray();
        Frequency = frequency;
    }

    public string Key { get; }

    /// <summary>Date of the first value (a Monday for weekly series).</summary>
    public LocalDate Start { get; }

    public IReadOnlyList<double> Values { get; }

    public SeriesFrequency Frequency { get; }

    public int Length => Values.Count;

    /// <summary>Observations per season: 7 for days (the week), 52 for weeks (the year).</summary>
    public int SeasonLength => Frequency == SeriesFrequency.Daily ? 7 : 52;

    /// <summary>Date of observation <paramref name="index"/>; indexes past the end are forecast dates.</summary>
    public LocalDate DateAt(int index) =>
        Frequency == SeriesFrequency.Daily ? Start.PlusDays(index) : Start.PlusWeeks(index);

    /// <summary>
    /// Sums whole ISO weeks (Monday to Sunday); a partial week at either end is left out, because a
    /// short week would look like a drop in volume.
    /// </summary>
    public VolumeSeries ToWeekly()
    {
        if (Frequency == SeriesFrequency.Weekly)
        {
            return this;
        }

        var skip = ((int)IsoDayOfWeek.Monday - (int)Start.DayOfWeek + 7) % 7;
        var weeks = (Values.Count - skip) / 7;
        var sums = new double[Math.Max(0, weeks)];
        for (var w = 0; w < sums.Length; w++)
        {
            for (var d = 0; d < 7; d++)
            {
                sums[w] += Values[skip + 7 * w + d];
            }
        }

        return new VolumeSeries(Key, Start.PlusDays(skip), sums, SeriesFrequency.Weekly);
    }

    public bool Equals(VolumeSeries? other) =>
        other is not null && Key == other.Key && Start == other.Start && Frequency == other.Frequency
        && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Key, Start, Frequency, Values.Count);
}
