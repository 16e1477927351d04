using NodaTime;
using NodaTime.Calendars;

namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// The inputs of the gradient-boosted model for predicting value t of a series from the values before it:
/// recent lags, same-season lags and rolling means, all divided by the series' recent level so one model
/// can learn from series of any size; and, for dated series, the calendar of day t (weekday, month, US
/// federal holidays and the days around them). A lag the history is too short for is NaN, which the trees
/// treat as missing.
/// </summary>
internal sealed class LagFeatures
{
    private readonly int[] _lags;
    private readonly int[] _windows;
    private readonly int _levelWindow;
    private readonly bool _calendar;

    private LagFeatures(int[] lags, int[] windows, int levelWindow, bool calendar)
    {
        _lags = lags;
        _windows = windows;
        _levelWindow = levelWindow;
        _calendar = calendar;
        Count = lags.Length + windows.Length + 1 + (calendar ? CalendarCount : 0);
    }

    private const int CalendarCount = 7;

    public int Count { get; }

    /// <summary>Fewest earlier values needed to predict one.</summary>
    public int MinHistory => _levelWindow;

    public static LagFeatures For(SeriesFrequency frequency, bool dated) => frequency == SeriesFrequency.Daily
        ? new LagFeatures([1, 2, 3, 4, 5, 6, 7, 8, 14, 21, 28, 35, 364], [7, 28, 91], levelWindow: 28, dated)
        : new LagFeatures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 26, 51, 52, 53], [4, 13, 52], levelWindow: 13, dated);

    /// <summary>
    /// The divisor of every value feature and of the target: one plus the mean size of the last values, so an
    /// all-zero stretch of a small client's series does not divide by zero.
    /// </summary>
    public double Level(IReadOnlyList<double> y, int t)
    {
        double sum = 0;
        var from = Math.Max(0, t - _levelWindow);
        for (var i = from; i < t; i++)
        {
            sum += Math.Abs(y[i]);
        }

        return 1 + sum / Math.Max(1, t - from);
    }

    /// <summary>Writes the features for value t into <paramref name="features"/> (length <see cref="Count"/>).</summary>
    public void Fill(IReadOnlyList<double> y, int t, double level, SeriesHistory series, float[] features)
    {
        var f = 0;
        foreach (var lag in _lags)
        {
            features[f++] = t - lag >= 0 ? (float)(y[t - lag] / level) : float.NaN;
        }

        foreach (var window in _windows)
        {
            if (t - window < 0)
            {
                features[f++] = float.NaN;
                continue;
            }

            double sum = 0;
            for (var i = t - window; i < t; i++)
            {
                sum += y[i];
            }

            features[f++] = (float)(sum / window / level);
        }

        // The level itself tells the trees whether this is a busy series or a quiet one (counts are noisier).
        features[f++] = (float)Math.Log(level);
        if (_calendar && series.DateAt(t) is { } date)
        {
            FillCalendar(date, series, features, f);
        }
    }

    private static void FillCalendar(LocalDate date, SeriesHistory series, float[] features, int f)
    {
        var holidays = series.Holidays;
        if (series.Frequency == SeriesFrequency.Daily)
        {
            features[f++] = (int)date.DayOfWeek;
            features[f++] = date.Month;
            features[f++] = date.Day;
            features[f++] = date.DayOfYear;
            features[f++] = holidays.IsHoliday(date) ? 1 : 0;
            features[f++] = holidays.IsHoliday(date.PlusDays(-1)) ? 1 : 0;
            features[f] = holidays.IsHoliday(date.PlusDays(1)) ? 1 : 0;
            return;
        }

        var holidayDays = Enumerable.Range(0, 7).Count(d => holidays.IsHoliday(date.PlusDays(d)));
        features[f++] = WeekYearRules.Iso.GetWeekOfWeekYear(date);
        features[f++] = date.Month;
        features[f++] = date.Day;
        features[f++] = date.DayOfYear;
        features[f++] = holidayDays;
        features[f++] = Enumerable.Range(-7, 7).Count(d => holidays.IsHoliday(date.PlusDays(d)));
        features[f] = Enumerable.Range(7, 7).Count(d => holidays.IsHoliday(date.PlusDays(d)));
    }
}
