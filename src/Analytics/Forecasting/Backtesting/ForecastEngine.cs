using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Forecasting.Backtesting;

/// <summary>
/// Backtest, choose, forecast, calibrate: every candidate is backtested from rolling origins, each series takes
/// the candidate (model or combination) with the lowest mean backtest MASE, and its intervals come from the
/// chosen candidates' backtest errors. Coverage is measured honestly on the latest origin's window: choice and
/// calibration are repeated from the origins whose windows ended before it began, so no day it is judged on was seen
/// by a fit, the choice or the calibration. When origins are closer together than the horizon, the backtest runs that
/// many older origins more (<see cref="EngineSettings.BacktestOrigins"/>), so the hold-out still has
/// <see cref="EngineSettings.Origins"/> − 1 of them.
/// </summary>
internal sealed class ForecastEngine(IReadOnlyList<ForecastModel> models, IReadOnlyList<Combination> combinations, EngineSettings settings)
{
    public IReadOnlyList<string> Candidates { get; } =
        models.Select(m => m.Name).Concat(combinations.Select(c => c.Name)).ToArray();

    public EngineResult Run(IReadOnlyList<SeriesHistory> series)
    {
        var horizon = settings.Horizon;
        var backtest = new RollingOriginBacktest(horizon, settings.BacktestOrigins, settings.Spacing, settings.MinTrainLength, settings.ScaleSeasonLength)
            .Run(series, models, combinations);
        if (settings.NonNegative)
        {
            foreach (var forecasts in backtest.SelectMany(b => b.Forecasts.Values).SelectMany(f => f))
            {
                ClampAtZero(forecasts);
            }
        }

        var final = FinalForecasts(series, horizon);
        var allOrigins = Enumerable.Range(0, settings.BacktestOrigins).ToArray();
        var choice = backtest.Select(b => Choose(b, allOrigins)).ToArray();
        var calibration = Calibrate(backtest, choice, allOrigins);

        var outcomes = new SeriesOutcome[series.Count];
        for (var s = 0; s < series.Count; s++)
        {
            var points = final[s][choice[s]];
            var scale = calibration?.Scale(backtest[s].Windows(choice[s], allOrigins));
            outcomes[s] = new SeriesOutcome(
                series[s].Key,
                choice[s],
                backtest[s].MeanMase(choice[s], allOrigins),
                points,
                calibration is null || scale is null ? null : Bands(points, calibration, scale.Value));
        }

        return new EngineResult(outcomes, HoldoutCoverage(backtest), backtest, final, allOrigins);
    }

    /// <summary>Each candidate's forecast of each series from the full history.</summary>
    private Dictionary<string, double[]>[] FinalForecasts(IReadOnlyList<SeriesHistory> series, int horizon)
    {
        var final = series.Select(_ => new Dictionary<string, double[]>(StringComparer.Ordinal)).ToArray();
        foreach (var model in models)
        {
            var forecasts = model.Forecast(series, horizon);
            for (var s = 0; s < series.Count; s++)
            {
                if (settings.NonNegative)
                {
                    ClampAtZero(forecasts[s]);
                }

                final[s][model.Name] = forecasts[s];
            }
        }

        foreach (var forecasts in final)
        {
            foreach (var combination in combinations)
            {
                forecasts[combination.Name] = combination.Merge(combination.Members.Select(m => forecasts[m]).ToArray());
            }
        }

        return final;
    }

    /// <summary>
    /// The candidate with the lowest mean MASE over the origins. With a few origins per series the lowest is
    /// partly luck, so when a default candidate is set (a combination), another one replaces it only if its
    /// MASE is lower by more than the switch margin. Series without any backtest take the default, else the
    /// first candidate (the seasonal naive baseline when it is listed first).
    /// </summary>
    private string Choose(SeriesBacktest backtest, IReadOnlyList<int> origins)
    {
        var fallback = settings.DefaultCandidate is { } preferred && Candidates.Contains(preferred) ? preferred : Candidates[0];
        var best = fallback;
        var bestMase = double.PositiveInfinity;
        foreach (var candidate in Candidates)
        {
            if (backtest.MeanMase(candidate, origins) is { } mase && mase < bestMase)
            {
                (best, bestMase) = (candidate, mase);
            }
        }

        if (best != fallback && fallback == settings.DefaultCandidate
            && backtest.MeanMase(fallback, origins) is { } defaultMase
            && bestMase > (1 - settings.SwitchMargin) * defaultMase)
        {
            return fallback;
        }

        return best;
    }

    // Non-negative series are counts: their intervals take the Poisson floor and √forecast spread.
    private IntervalCalibration? Calibrate(SeriesBacktest[] backtest, string[] choice, int[] origins) =>
        IntervalCalibration.Fit(backtest.Select((b, s) => b.Windows(choice[s], origins)), settings.Horizon, counts: settings.NonNegative);

    private IntervalBands Bands(double[] points, IntervalCalibration calibration, double scale)
    {
        var bands = calibration.Bands(points, scale);
        if (settings.NonNegative)
        {
            ClampAtZero(bands.Lo80);
            ClampAtZero(bands.Lo95);
        }

        return bands;
    }

    // Choice and calibration from the origins whose windows ended before origin 0's began, judged on what followed
    // origin 0: days that no fit, choice or calibration saw.
    private CoverageCount HoldoutCoverage(SeriesBacktest[] backtest)
    {
        var older = Enumerable.Range(settings.HoldoutGap, settings.BacktestOrigins - settings.HoldoutGap).ToArray();
        if (older.Length == 0)
        {
            return new CoverageCount(0, 0, 0);
        }

        var choice = backtest.Select(b => Choose(b, older)).ToArray();
        var calibration = Calibrate(backtest, choice, older);
        if (calibration is null)
        {
            return new CoverageCount(0, 0, 0);
        }

        int points = 0, in80 = 0, in95 = 0;
        for (var s = 0; s < backtest.Length; s++)
        {
            var scale = calibration.Scale(backtest[s].Windows(choice[s], older));
            if (backtest[s].Actuals[0] is not { } actual || scale is null)
            {
                continue;
            }

            var bands = Bands(backtest[s].Forecasts[choice[s]][0]!, calibration, scale.Value);
            for (var h = 0; h < actual.Length; h++)
            {
                points++;
                in80 += actual[h] >= bands.Lo80[h] && actual[h] <= bands.Hi80[h] ? 1 : 0;
                in95 += actual[h] >= bands.Lo95[h] && actual[h] <= bands.Hi95[h] ? 1 : 0;
            }
        }

        return new CoverageCount(points, in80, in95);
    }

    private static void ClampAtZero(double[]? values)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Max(0, values[i]);
        }
    }
}

/// <param name="ScaleSeasonLength">Lag of the MASE scale; null uses each series' season (M4 Weekly is scored with lag 1).</param>
/// <param name="DefaultCandidate">Candidate kept unless another beats its backtest MASE by more than <paramref name="SwitchMargin"/> (a fraction).</param>
internal sealed record EngineSettings(
    int Horizon,
    int Origins,
    int Spacing,
    int MinTrainLength,
    bool NonNegative,
    int? ScaleSeasonLength = null,
    string? DefaultCandidate = null,
    double SwitchMargin = 0)
{
    /// <summary>
    /// Origins between the latest one and the first whose window ends before the latest begins (1 when origins are a
    /// horizon or more apart): the hold-out is calibrated from origins this far back or more.
    /// </summary>
    public int HoldoutGap => (int)Math.Ceiling((double)Horizon / Spacing);

    /// <summary>Origins the backtest runs: <see cref="Origins"/>, and the older ones the hold-out needs to calibrate from as many less one.</summary>
    public int BacktestOrigins => Origins + HoldoutGap - 1;
}

internal sealed record IntervalBands(double[] Lo80, double[] Hi80, double[] Lo95, double[] Hi95);

internal sealed record SeriesOutcome(string Key, string Model, double? BacktestMase, double[] Points, IntervalBands? Bands);

/// <summary>How many held-out actual values fell inside the 80 % and 95 % intervals.</summary>
internal sealed record CoverageCount(int Points, int Inside80, int Inside95)
{
    public double? Rate80 => Points == 0 ? null : (double)Inside80 / Points;

    public double? Rate95 => Points == 0 ? null : (double)Inside95 / Points;
}

/// <param name="Origins">The backtest origins the choice, the intervals and each series' backtest MASE come from.</param>
/// <param name="FinalForecasts">Every candidate's forecast of each series from its full history (the chosen one is in <see cref="SeriesOutcome.Points"/>).</param>
internal sealed record EngineResult(
    IReadOnlyList<SeriesOutcome> Series,
    CoverageCount HoldoutCoverage,
    IReadOnlyList<SeriesBacktest> Backtest,
    IReadOnlyList<IReadOnlyDictionary<string, double[]>> FinalForecasts,
    IReadOnlyList<int> Origins);
