using SupportLens.Analytics.Forecasting;

namespace SupportLens.Analytics.Anomalies;

/// <summary>
/// Finds unusual days of daily volume series. The seasonal fit of a day is the median of the same weekday in
/// the weeks before it or in the weeks after it, whichever is closer, so it follows level shifts and is not
/// dragged by other spikes. Residuals are scored robustly: (residual − median residual) / (1.4826 · MAD), with the scale never
/// below the Poisson standard deviation √expected, so a quiet client's day of 3 tickets instead of 1 is not
/// an alarm. A weekly series uses the neighbouring weeks.
/// </summary>
public sealed class SpikeDetector
{
    private const double MadToSigma = 1.4826;

    private readonly SpikeOptions _options;

    public SpikeDetector(SpikeOptions? options = null)
    {
        _options = (options ?? new SpikeOptions()).Validate();
    }

    public IReadOnlyList<Spike> Detect(IEnumerable<VolumeSeries> series) => series.SelectMany(Detect).ToArray();

    public IReadOnlyList<Spike> Detect(VolumeSeries series)
    {
        var y = series.Values;
        var step = series.Frequency == SeriesFrequency.Daily ? 7 : 1;
        var reach = _options.WindowWeeks;
        var expected = new double?[y.Count];
        var residuals = new List<double>();
        for (var t = 0; t < y.Count; t++)
        {
            var before = new List<double>();
            var after = new List<double>();
            for (var k = 1; k <= reach; k++)
            {
                if (t - k * step >= 0)
                {
                    before.Add(y[t - k * step]);
                }

                if (t + k * step < y.Count)
                {
                    after.Add(y[t + k * step]);
                }
            }

            // Of the weeks before and the weeks after, the side that explains the day better: a level shift
            // is explained by one side, a spike by neither.
            double? fit = null;
            foreach (var side in new[] { before, after })
            {
                if (side.Count >= 2 && Median(side) is var median && (fit is null || Math.Abs(y[t] - median) < Math.Abs(y[t] - fit.Value)))
                {
                    fit = median;
                }
            }

            if (fit is { } value)
            {
                expected[t] = value;
                residuals.Add(y[t] - value);
            }
        }

        if (residuals.Count == 0)
        {
            return [];
        }

        var centre = Median(residuals);
        var mad = Median(residuals.Select(r => Math.Abs(r - centre)).ToList());
        var spikes = new List<Spike>();
        for (var t = 0; t < y.Count; t++)
        {
            if (expected[t] is not { } fit)
            {
                continue;
            }

            var sigma = Math.Max(MadToSigma * mad, Math.Sqrt(Math.Max(fit, 1)));
            var score = (y[t] - fit - centre) / sigma;
            if (Math.Abs(score) < _options.Threshold)
            {
                continue;
            }

            var date = series.DateAt(t);
            var holiday = series.Frequency == SeriesFrequency.Daily && _options.Holidays.IsHoliday(date);
            if (holiday && score < 0)
            {
                continue;
            }

            var half = _options.Threshold * sigma;
            spikes.Add(new Spike(series.Key, date, y[t], fit, Math.Max(0, fit + centre - half), fit + centre + half, score,
                score > 0 ? SpikeDirection.High : SpikeDirection.Low, holiday));
        }

        return spikes;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
