using SupportLens.Analytics.Forecasting.Backtesting;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// Forecasts contact volume series: every candidate (seasonal naive, ETS, Theta, the global gradient-boosted
/// model, and their combinations) is backtested from rolling origins, each series takes the one with the
/// lowest backtest MASE (keeping the combination unless a single model is clearly better), and its 80 % and
/// 95 % intervals come from the backtest errors. Volumes are never negative, so neither are forecasts.
/// </summary>
public sealed class VolumeForecaster
{
    /// <summary>The combination that every series starts from.</summary>
    public const string DefaultCombination = "comb-ets-theta-gbm";

    private readonly TimeProvider _time;
    private readonly ForecastOptions _options;

    public VolumeForecaster(TimeProvider time, ForecastOptions? options = null)
    {
        _time = time;
        _options = (options ?? new ForecastOptions()).Validate();
    }

    /// <summary>Forecasts series that share one frequency; each keeps its own key and dates.</summary>
    public ForecastRun Forecast(IReadOnlyList<VolumeSeries> series)
    {
        var generatedAt = _time.GetUtcNow();
        if (series.Count == 0)
        {
            return new ForecastRun(generatedAt, SeriesFrequency.Daily, _options.Horizon, [], new IntervalCoverage(0, null, null));
        }

        var frequency = series[0].Frequency;
        if (series.Any(s => s.Frequency != frequency))
        {
            throw new ArgumentException("Forecast daily and weekly series in separate runs.", nameof(series));
        }

        if (series.FirstOrDefault(s => s.Length == 0) is { } empty)
        {
            throw new ArgumentException($"Series \"{empty.Key}\" has no values to forecast from.", nameof(series));
        }

        var models = Models();
        var combinations = Combinations(models);
        var engine = new ForecastEngine(models, combinations, new EngineSettings(
            _options.Horizon,
            _options.Origins,
            _options.SpacingFor(frequency),
            _options.MinTrainLengthFor(frequency),
            NonNegative: true,
            DefaultCandidate: combinations[^1].Name,
            SwitchMargin: _options.SwitchMargin));
        var result = engine.Run(series.Select(s => SeriesHistory.Of(s, _options.Holidays)).ToArray());

        var forecasts = series.Select((s, i) =>
        {
            var outcome = result.Series[i];
            var points = outcome.Points.Select((value, h) => new ForecastPoint(
                s.DateAt(s.Length + h),
                value,
                outcome.Bands?.Lo80[h],
                outcome.Bands?.Hi80[h],
                outcome.Bands?.Lo95[h],
                outcome.Bands?.Hi95[h])).ToArray();
            return new SeriesForecast(s.Key, outcome.Model, outcome.BacktestMase, points,
                result.Backtest[i].MeanMase(SeasonalNaive.ModelName, result.Origins));
        }).ToArray();
        var coverage = result.HoldoutCoverage;
        return new ForecastRun(generatedAt, frequency, _options.Horizon, forecasts,
            new IntervalCoverage(coverage.Points, coverage.Rate80, coverage.Rate95));
    }

    private IReadOnlyList<ForecastModel> Models()
    {
        var models = new List<ForecastModel> { new SeasonalNaive(), new ExponentialSmoothing(), new Theta() };
        if (_options.GradientBoosting)
        {
            models.Add(new GradientBoostedForecaster(_options.Seed));
        }

        return models;
    }

    private static IReadOnlyList<Combination> Combinations(IReadOnlyList<ForecastModel> models)
    {
        var combinations = new List<Combination>
        {
            new("comb-ets-theta", CombinationRule.Mean, [ExponentialSmoothing.ModelName, Theta.ModelName]),
        };
        if (models.Any(m => m.Name == GradientBoostedForecaster.ModelName))
        {
            combinations.Add(new(DefaultCombination, CombinationRule.Mean,
                [ExponentialSmoothing.ModelName, Theta.ModelName, GradientBoostedForecaster.ModelName]));
        }

        return combinations;
    }
}
