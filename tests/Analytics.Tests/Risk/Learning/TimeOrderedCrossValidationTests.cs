using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Risk.Learning;
using Xunit.Abstractions;

namespace SupportLens.Analytics.Tests.Risk.Learning;

public sealed class TimeOrderedCrossValidationTests(ITestOutputHelper output)
{
    private static readonly ClassifierOptions Fast = ClassifierOptions.Default with { CalibrationFolds = 2 };

    [Fact]
    public void No_fold_trains_on_a_row_whose_label_window_reaches_the_validation_month()
    {
        var table = Waves();

        var folds = TimeOrderedCrossValidation.Folds(table, horizonDays: 90, minimumTrainingEvents: 2);

        Assert.NotEmpty(folds);
        foreach (var (fold, training, validation) in folds)
        {
            Assert.All(training.Rows, r => Assert.True(r.Time!.Value.PlusDays(90) < fold.ValidationStart));
            Assert.All(validation.Rows, r => Assert.InRange(r.Time!.Value, fold.ValidationStart, fold.ValidationEnd));
            Assert.True(fold.LatestTrainingRow.PlusDays(90) < fold.ValidationStart);
            Assert.True(training.Events >= 2);
            Assert.Equal(fold.ValidationEnd, fold.ValidationStart.PlusMonths(1).PlusDays(-1));
        }
        // Expanding: each fold trains on at least as many rows as the one before.
        Assert.True(folds.Select(f => f.Fold.TrainingRows).Zip(folds.Skip(1).Select(f => f.Fold.TrainingRows)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void A_feature_that_encodes_the_future_label_does_not_help()
    {
        // Each segment of clients churns together in its own month. Which segment goes next is written only in labels
        // whose 90-day window runs into the validation month: a fold that trained on them would rank that segment first.
        var table = Waves();

        var honest = TimeOrderedCrossValidation.Evaluate(table, ClassifierKind.LogisticRegression, Fast, horizonDays: 90, minimumTrainingEvents: 2, seed: 3);
        // The same folds without the rule (training on every row dated before the month) do leak it.
        var leaky = TimeOrderedCrossValidation.Evaluate(table, ClassifierKind.LogisticRegression, Fast, horizonDays: 0, minimumTrainingEvents: 2, seed: 3);

        output.WriteLine($"honest AUC {honest.Auc:0.000} over {honest.Folds.Length} folds, leaky AUC {leaky.Auc:0.000} over {leaky.Folds.Length} folds");
        Assert.InRange(honest.Auc!.Value, 0.3, 0.65);
        Assert.True(leaky.Auc > 0.75, $"leaky AUC {leaky.Auc:0.000}");
        Assert.True(honest.Positives > 20);
    }

    [Fact]
    public void A_row_without_a_date_is_refused()
    {
        var table = new FeatureTable(new FeatureSchema(["x"], []), [new FeatureRow("a", true, [1.0], [])]);

        Assert.Throws<ArgumentException>(() => TimeOrderedCrossValidation.Folds(table, 90, 1));
    }

    [Fact]
    public void Months_with_too_few_events_to_train_on_are_skipped()
    {
        var table = Waves();

        var strict = TimeOrderedCrossValidation.Folds(table, 90, minimumTrainingEvents: 6);
        var loose = TimeOrderedCrossValidation.Folds(table, 90, minimumTrainingEvents: 1);

        // A segment is 5 clients: 6 events need two segments to have churned 90 days before the month.
        Assert.All(strict, f => Assert.True(f.Fold.TrainingEvents >= 6));
        Assert.True(loose.Length > strict.Length);
    }

    /// <summary>
    /// 7 segments of 5 clients, snapshots on the first of each month of 2024–2025. Segment k churns on the 15th of month
    /// 6 + 3k (2024-07-15, 2024-10-15, …), so its snapshots of the three months up to that one are positive. Features: the
    /// segment (categorical) and seeded noise.
    /// </summary>
    private static FeatureTable Waves()
    {
        var random = new Random(17);
        var start = new LocalDate(2024, 1, 1);
        var rows = ImmutableArray.CreateBuilder<FeatureRow>();
        for (var segment = 0; segment < 7; segment++)
        {
            var churn = start.PlusMonths(6 + (3 * segment)).PlusDays(14);
            for (var c = 0; c < 5; c++)
            {
                for (var day = start; day < churn && day < start.PlusMonths(24); day = day.PlusMonths(1))
                {
                    var positive = churn <= day.PlusDays(90);
                    rows.Add(new FeatureRow($"S{segment}C{c}@{day:yyyy-MM-dd}", positive, [random.NextDouble()], [$"segment-{segment}"], $"S{segment}C{c}", day));
                }
            }
        }
        return new FeatureTable(new FeatureSchema(["noise"], ["segment"]), rows);
    }
}
