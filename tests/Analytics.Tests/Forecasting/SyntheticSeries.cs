using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Forecasting;

/// <summary>Daily contact series with known structure, built from a seeded random source.</summary>
internal static class SyntheticSeries
{
    /// <summary>A Monday, so weekday positions are easy to read in tests.</summary>
    public static readonly LocalDate Start = new(2024, 1, 1);

    /// <summary>Weekday shares of a support desk: busy Monday, quiet weekend (Monday first).</summary>
    public static readonly double[] Week = [1.3, 1.2, 1.1, 1.1, 1.0, 0.7, 0.6];

    public static double[] Weekly(int length, double level) =>
        Enumerable.Range(0, length).Select(t => level * Week[t % 7]).ToArray();

    /// <summary>
    /// level·(1 + trend·t)·weekday share, a step of <paramref name="shift"/> from <paramref name="shiftAt"/>,
    /// 10 % of normal volume on US federal holidays, and Gaussian noise with the given standard deviation.
    /// </summary>
    public static double[] Support(int length, double level, int seed, double trend = 0, double noise = 0, int? shiftAt = null, double shift = 0, bool holidays = false)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var t = 0; t < length; t++)
        {
            var value = level * (1 + trend * t) * Week[t % 7] + (shiftAt is { } at && t >= at ? shift : 0);
            if (holidays && HolidaySet.UsFederal.IsHoliday(Start.PlusDays(t)))
            {
                value *= 0.1;
            }

            values[t] = Math.Max(0, value + noise * Gaussian(random));
        }

        return values;
    }

    public static VolumeSeries Series(string key, double[] values) => new(key, Start, values);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
