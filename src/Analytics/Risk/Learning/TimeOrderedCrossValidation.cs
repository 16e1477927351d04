using System.Collections.Immutable;
using NodaTime;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>
/// One expanding-window fold: validates on the rows of one month and trains on every row whose label window
/// (the <c>horizon</c> days after its date) closes before that month starts, so no training label depends on
/// anything that happens in or after the validation month.
/// </summary>
public sealed record TimeFold(
    LocalDate ValidationStart,
    LocalDate ValidationEnd,
    LocalDate LatestTrainingRow,
    int TrainingRows,
    int TrainingEvents,
    int ValidationRows,
    int ValidationPositives);

/// <summary>Pooled out-of-fold figures of one kind of classifier. AUC and Brier are null when the pool cannot give them.</summary>
public sealed record CrossValidationResult(
    ClassifierKind Kind,
    double? Auc,
    double? Brier,
    int Predictions,
    int Positives,
    ImmutableArray<TimeFold> Folds);

/// <summary>
/// Time-ordered cross-validation over dated rows (client-month snapshots): one fold per month, expanding window,
/// predictions of all folds pooled for AUC and Brier (single months hold too few churn events to score alone).
/// </summary>
internal static class TimeOrderedCrossValidation
{
    /// <summary>
    /// The folds: for each month that has rows, validation = that month's rows; training = rows dated more than
    /// <paramref name="horizonDays"/> days before the month starts (label window (date, date + horizon] ends before
    /// it). Months whose training part has fewer than <paramref name="minimumTrainingEvents"/> events (groups with
    /// a positive row) or no negative row are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">A labelled row has no date.</exception>
    public static ImmutableArray<(TimeFold Fold, FeatureTable Training, FeatureTable Validation)> Folds(
        FeatureTable table, int horizonDays, int minimumTrainingEvents)
    {
        var labelled = table.Where(r => r.Label is not null);
        if (labelled.Rows.FirstOrDefault(r => r.Time is null) is { } undated)
        {
            throw new ArgumentException($"row {undated.Key} has no date: time-ordered validation needs one on every row", nameof(table));
        }
        var months = labelled.Rows.Select(r => new LocalDate(r.Time!.Value.Year, r.Time.Value.Month, 1)).Distinct().Order();
        var folds = ImmutableArray.CreateBuilder<(TimeFold, FeatureTable, FeatureTable)>();
        foreach (var start in months)
        {
            var end = start.PlusMonths(1).PlusDays(-1);
            var training = labelled.Where(r => r.Time!.Value.PlusDays(horizonDays) < start);
            var validation = labelled.Where(r => r.Time!.Value >= start && r.Time.Value <= end);
            if (training.Events < minimumTrainingEvents || training.Positives == training.Rows.Length || validation.Rows.IsEmpty)
            {
                continue;
            }
            folds.Add((
                new TimeFold(
                    start, end, training.Rows.Max(r => r.Time!.Value), training.Rows.Length, training.Events,
                    validation.Rows.Length, validation.Positives),
                training,
                validation));
        }
        return folds.ToImmutable();
    }

    public static CrossValidationResult Evaluate(
        FeatureTable table, ClassifierKind kind, ClassifierOptions options, int horizonDays, int minimumTrainingEvents, int seed)
    {
        var folds = Folds(table, horizonDays, minimumTrainingEvents);
        var labels = new List<bool>();
        var probabilities = new List<double>();
        foreach (var (_, training, validation) in folds)
        {
            var model = BinaryClassifierTrainer.Train(training, kind, options, seed);
            probabilities.AddRange(model.Probabilities(validation));
            labels.AddRange(validation.Rows.Select(r => r.Label!.Value));
        }
        return new CrossValidationResult(
            kind,
            ClassifierMetrics.Auc(labels, probabilities),
            ClassifierMetrics.Brier(labels, probabilities),
            labels.Count,
            labels.Count(l => l),
            [.. folds.Select(f => f.Fold)]);
    }
}
