using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// What a model sees of one series: its values up to a forecast origin, the season length, and (when the
/// series is dated) the calendar that places each value on a day or week, so holidays can be looked up.
/// </summary>
internal sealed record SeriesHistory(string Key, double[] Values, int SeasonLength, SeriesFrequency Frequency, LocalDate? Start, HolidaySet Holidays)
{
    public int Length => Values.Length;

    public static SeriesHistory Of(VolumeSeries series, HolidaySet holidays) =>
        new(series.Key, series.Values.ToArray(), series.SeasonLength, series.Frequency, series.Start, holidays);

    /// <summary>An undated series (M4): no calendar features.</summary>
    public static SeriesHistory Undated(string key, double[] values, int seasonLength, SeriesFrequency frequency) =>
        new(key, values, seasonLength, frequency, null, HolidaySet.None);

    /// <summary>The first <paramref name="length"/> values, as the series looked at an earlier origin.</summary>
    public SeriesHistory Take(int length) => this with { Values = Values[..length] };

    public LocalDate? DateAt(int index) => Start is not { } start
        ? null
        : Frequency == SeriesFrequency.Daily ? start.PlusDays(index) : start.PlusWeeks(index);
}
