using SupportLens.Analytics.Forecasting.Accuracy;
using SupportLens.Analytics.Forecasting.Backtesting;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Forecasting.M4;

/// <summary>
/// Runs our forecasting (rolling-origin backtest, per-series choice, calibrated intervals) on the M4 Weekly
/// series and scores it as the competition did. The official Weekly scoring uses frequency 1: MASE is scaled by
/// the one-step naive error and Naive2 applies no seasonal adjustment, which is why the published Naive,
/// sNaive and Naive2 rows for Weekly are identical. Our models still look for the yearly season (52).
/// </summary>
public sealed class M4Evaluation
{
    /// <summary>Frequency the M4 guide assigns to Weekly data for scoring and Naive2.</summary>
    public const int ScoringFrequency = 1;

    /// <summary>The yearly season of weekly data, which our models test for.</summary>
    public const int ModelSeason = 52;

    private readonly M4EvaluationOptions _options;

    public M4Evaluation(M4EvaluationOptions? options = null)
    {
        _options = options ?? new M4EvaluationOptions();
    }

    /// <summary>Reads <c>Weekly-train.csv</c> and <c>Weekly-test.csv</c> from <paramref name="directory"/> and evaluates.</summary>
    public M4EvaluationResult Evaluate(string directory)
    {
        var data = M4Dataset.Load(directory);
        return Evaluate(_options.MaxSeries is { } max ? data.Take(max).ToArray() : data);
    }

    internal M4EvaluationResult Evaluate(IReadOnlyList<M4Series> data)
    {
        var horizon = data[0].Test.Length;
        var histories = data
            .Select(s => SeriesHistory.Undated(s.Id, s.Train, ModelSeason, SeriesFrequency.Weekly))
            .ToArray();
        var models = M4Candidates.Models(_options);
        var combinations = M4Candidates.Combinations(models);
        var engine = new ForecastEngine(models, combinations, new EngineSettings(
            horizon, _options.Origins, horizon, MinTrainLength: 2 * horizon, NonNegative: false, ScaleSeasonLength: ScoringFrequency,
            DefaultCandidate: M4Candidates.Default(models), SwitchMargin: _options.SwitchMargin));
        var result = engine.Run(histories);

        var naive2 = new Naive2();
        var scores = new List<(double Smape, double Mase)>();
        var naive2Scores = new List<(double Smape, double Mase)>();
        int points = 0, in80 = 0, in95 = 0;
        for (var s = 0; s < data.Count; s++)
        {
            var test = data[s].Test;
            var scale = ForecastAccuracy.SeasonalNaiveScale(data[s].Train, ScoringFrequency);
            var outcome = result.Series[s];
            scores.Add((ForecastAccuracy.Smape(test, outcome.Points), ForecastAccuracy.Mase(test, outcome.Points, scale)));
            var benchmark = naive2.Forecast(histories[s] with { SeasonLength = ScoringFrequency }, horizon);
            naive2Scores.Add((ForecastAccuracy.Smape(test, benchmark), ForecastAccuracy.Mase(test, benchmark, scale)));
            if (outcome.Bands is { } bands)
            {
                for (var h = 0; h < horizon; h++)
                {
                    points++;
                    in80 += test[h] >= bands.Lo80[h] && test[h] <= bands.Hi80[h] ? 1 : 0;
                    in95 += test[h] >= bands.Lo95[h] && test[h] <= bands.Hi95[h] ? 1 : 0;
                }
            }
        }

        var naive2Score = new M4Score(naive2Scores.Average(x => x.Smape), naive2Scores.Average(x => x.Mase));
        var smape = scores.Average(x => x.Smape);
        var mase = scores.Average(x => x.Mase);
        return new M4EvaluationResult(
            data.Count,
            horizon,
            smape,
            mase,
            ForecastAccuracy.Owa(smape, mase, naive2Score.Smape, naive2Score.Mase),
            naive2Score,
            result.Series.GroupBy(o => o.Model).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            CandidateScores(engine, data, naive2Score),
            new M4Coverage(
                points == 0 ? null : (double)in80 / points,
                points == 0 ? null : (double)in95 / points,
                result.HoldoutCoverage.Rate80,
                result.HoldoutCoverage.Rate95));

        // Every candidate's forecast from the full training series was already made by the engine; score each alone.
        IReadOnlyDictionary<string, M4CandidateScore> CandidateScores(ForecastEngine engine, IReadOnlyList<M4Series> series, M4Score reference) =>
            engine.Candidates.ToDictionary(
                c => c,
                c =>
                {
                    var perSeries = series.Select((s, i) =>
                    {
                        var forecast = result.FinalForecasts[i][c];
                        var scale = ForecastAccuracy.SeasonalNaiveScale(s.Train, ScoringFrequency);
                        return (Smape: ForecastAccuracy.Smape(s.Test, forecast), Mase: ForecastAccuracy.Mase(s.Test, forecast, scale));
                    }).ToArray();
                    var candidateSmape = perSeries.Average(x => x.Smape);
                    var candidateMase = perSeries.Average(x => x.Mase);
                    return new M4CandidateScore(candidateSmape, candidateMase,
                        ForecastAccuracy.Owa(candidateSmape, candidateMase, reference.Smape, reference.Mase));
                },
                StringComparer.Ordinal);
    }
}
