using SupportLens.Analytics.Forecasting.Accuracy;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Forecasting.Backtesting;

/// <summary>
/// Forecasts every series from several earlier origins and keeps what followed each one. Origin k ends
/// <c>horizon + k·spacing</c> values before the end of the series; every model sees, at each origin, all the
/// series cut there (the global model trains on exactly that), so nothing after an origin leaks into it.
/// </summary>
internal sealed class RollingOriginBacktest(int horizon, int origins, int spacing, int minTrainLength, int? scaleSeasonLength = null)
{
    public int Horizon => horizon;

    public int Origins => origins;

    public SeriesBacktest[] Run(IReadOnlyList<SeriesHistory> series, IReadOnlyList<ForecastModel> models, IReadOnlyList<Combination> combinations)
    {
        var results = series.Select(_ => new SeriesBacktest(origins)).ToArray();
        foreach (var result in results)
        {
            foreach (var model in models)
            {
                result.Forecasts[model.Name] = new double[]?[origins];
            }

            foreach (var combination in combinations)
            {
                result.Forecasts[combination.Name] = new double[]?[origins];
            }
        }

        for (var k = 0; k < origins; k++)
        {
            var members = new List<int>();
            var cut = new List<SeriesHistory>();
            for (var s = 0; s < series.Count; s++)
            {
                var length = series[s].Length - horizon - k * spacing;
                if (length < minTrainLength)
                {
                    continue;
                }

                members.Add(s);
                cut.Add(series[s].Take(length));
                results[s].Actuals[k] = series[s].Values[length..(length + horizon)];
                results[s].Scales[k] = ForecastAccuracy.SafeScale(series[s].Values, scaleSeasonLength ?? series[s].SeasonLength, length);
            }

            if (cut.Count == 0)
            {
                continue;
            }

            foreach (var model in models)
            {
                var forecasts = model.Forecast(cut, horizon);
                for (var i = 0; i < members.Count; i++)
                {
                    results[members[i]].Forecasts[model.Name][k] = forecasts[i];
                }
            }

            foreach (var s in members)
            {
                foreach (var combination in combinations)
                {
                    results[s].Forecasts[combination.Name][k] =
                        combination.Merge(combination.Members.Select(m => results[s].Forecasts[m][k]!).ToArray());
                }
            }
        }

        return results;
    }
}
