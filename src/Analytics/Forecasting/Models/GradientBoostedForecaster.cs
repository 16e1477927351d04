using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// One LightGBM regressor (ML.NET) trained across all series at once on lag, rolling-window and calendar
/// features (<see cref="LagFeatures"/>), then run recursively: each predicted value becomes a lag of the
/// next — the global-model approach that won M5. Seeded and single-threaded, so the same input gives the
/// same forecast. Series of one call share the model; they must share their frequency.
/// </summary>
internal sealed class GradientBoostedForecaster(int seed = 42, int maxRowsPerSeries = 730, int iterations = 200, double learningRate = 0.08) : ForecastModel
{
    public const string ModelName = "gbm";

    public override string Name => ModelName;

    public override double[][] Forecast(IReadOnlyList<SeriesHistory> histories, int horizon)
    {
        if (histories.Count == 0)
        {
            return [];
        }

        var frequency = histories[0].Frequency;
        if (histories.Any(h => h.Frequency != frequency))
        {
            throw new ArgumentException("A gradient-boosted model is trained on series of one frequency at a time.");
        }

        var features = LagFeatures.For(frequency, dated: histories.All(h => h.Start is not null));
        var rows = TrainingRows(histories, features).ToList();
        // Too little to learn from, or nothing: when every label is the same (a year of quiet days after one ticket)
        // LightGBM grows only splitless trees, from which ML.NET cannot build a model. Fall back to the baseline.
        if (rows.Count < 50 || rows.TrueForAll(r => r.Label == rows[0].Label))
        {
            return histories.Select(h => SeasonalNaive.Repeat(h.Values, h.SeasonLength, horizon)).ToArray();
        }

        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        var trainer = context.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = iterations,
            LearningRate = learningRate,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = 20,
            Seed = seed,
            NumberOfThreads = 1,
            Deterministic = true,
            Silent = true,
            Verbose = false,
        });
        var model = trainer.Fit(context.Data.LoadFromEnumerable(rows, schema));
        var engine = context.Model.CreatePredictionEngine<FeatureRow, Prediction>(model, inputSchemaDefinition: schema);

        var result = new double[histories.Count][];
        var input = new FeatureRow { Features = new float[features.Count] };
        var output = new Prediction();
        for (var s = 0; s < histories.Count; s++)
        {
            var series = histories[s];
            var extended = new List<double>(series.Values);
            for (var h = 0; h < horizon; h++)
            {
                var t = extended.Count;
                var level = features.Level(extended, t);
                features.Fill(extended, t, level, series, input.Features);
                engine.Predict(input, ref output);
                extended.Add(output.Score * level);
            }

            result[s] = extended.GetRange(series.Length, horizon).ToArray();
        }

        return result;
    }

    // The most recent values of each series; older ones describe a business that may have changed since.
    private IEnumerable<FeatureRow> TrainingRows(IReadOnlyList<SeriesHistory> histories, LagFeatures features)
    {
        foreach (var series in histories)
        {
            var y = series.Values;
            for (var t = Math.Max(features.MinHistory, y.Length - maxRowsPerSeries); t < y.Length; t++)
            {
                var level = features.Level(y, t);
                var row = new FeatureRow { Label = (float)(y[t] / level), Features = new float[features.Count] };
                features.Fill(y, t, level, series, row.Features);
                yield return row;
            }
        }
    }

    private sealed class FeatureRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float Score { get; set; }
    }
}
