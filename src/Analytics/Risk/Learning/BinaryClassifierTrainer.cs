using Microsoft.ML;
using Microsoft.ML.Calibrators;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>
/// Trains one kind of ML.NET binary classifier on any <see cref="FeatureTable"/> and calibrates it: the model is fitted
/// on all labelled rows, and its raw scores are mapped to probabilities by Platt scaling fitted on out-of-fold scores
/// (<see cref="ClassifierOptions.CalibrationFolds"/> folds of whole groups, so one client's snapshots never sit on both
/// sides). Seeded: the same rows, options and seed give the same model.
/// </summary>
internal static class BinaryClassifierTrainer
{
    /// <exception cref="ArgumentException">The labelled rows do not hold both classes.</exception>
    public static TrainedClassifier Train(FeatureTable table, ClassifierKind kind, ClassifierOptions options, int seed)
    {
        var labelled = table.Where(r => r.Label is not null);
        if (labelled.Positives == 0 || labelled.Positives == labelled.Rows.Length)
        {
            throw new ArgumentException(
                $"training needs both classes; the {labelled.Rows.Length} labelled rows have {labelled.Positives} positive", nameof(table));
        }
        var ml = new MLContext(seed);

        var heldOut = new List<(float Score, bool Label)>();
        var folds = GroupFolds(labelled, options.CalibrationFolds, seed);
        for (var f = 0; f < options.CalibrationFolds; f++)
        {
            var inner = labelled.Where(r => folds[r.GroupKey] != f);
            var outer = labelled.Where(r => folds[r.GroupKey] == f);
            // A fold whose training part lacks a class cannot be fitted; its rows just give no calibration scores.
            if (outer.Rows.IsEmpty || inner.Positives == 0 || inner.Positives == inner.Rows.Length)
            {
                continue;
            }
            var (innerEncoder, innerModel) = FitRaw(ml, inner, kind, options, seed);
            var scores = innerModel.Scores(Examples(ml, innerEncoder, outer));
            heldOut.AddRange(scores.Select((s, i) => (s, outer.Rows[i].Label!.Value)));
        }

        var (encoder, model) = FitRaw(ml, labelled, kind, options, seed);
        if (heldOut.Count == 0)
        {
            // Too few groups to hold any out: calibrate on the training scores rather than not at all.
            var scores = model.Scores(Examples(ml, encoder, labelled));
            heldOut.AddRange(scores.Select((s, i) => (s, labelled.Rows[i].Label!.Value)));
        }
        var platt = ml.BinaryClassification.Calibrators.Platt(MlNetData.Label, MlNetData.Score).Fit(MlNetData.Scores(ml, heldOut));
        return new TrainedClassifier(kind, encoder, model, ((ISingleFeaturePredictionTransformer<PlattCalibrator>)platt).Model);
    }

    private static (FeatureEncoder, RawModel) FitRaw(MLContext ml, FeatureTable rows, ClassifierKind kind, ClassifierOptions options, int seed)
    {
        var encoder = FeatureEncoder.Fit(rows);
        return (encoder, RawModel.Fit(ml, kind, options, Examples(ml, encoder, rows), encoder.Slots, seed));
    }

    private static IDataView Examples(MLContext ml, FeatureEncoder encoder, FeatureTable rows) =>
        MlNetData.Examples(ml, rows.Rows.Select(r => (encoder.Encode(r), r.Label!.Value)), encoder.Slots);

    /// <summary>Groups dealt to folds in a seeded shuffle of their ordinal order, so the folds do not depend on row order.</summary>
    private static Dictionary<string, int> GroupFolds(FeatureTable rows, int folds, int seed)
    {
        var groups = rows.Rows.Select(r => r.GroupKey).Distinct().Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(groups);
        return groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i % Math.Max(1, folds));
    }
}
