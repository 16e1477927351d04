using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Tests.Risk.Learning;

public sealed class BinaryClassifierTrainerTests
{
    [Theory]
    [InlineData(ClassifierKind.LogisticRegression)]
    [InlineData(ClassifierKind.LightGbm)]
    [InlineData(ClassifierKind.FastTree)]
    public void The_same_rows_and_seed_give_the_same_model(ClassifierKind kind)
    {
        var (train, test) = Small();

        var first = BinaryClassifierTrainer.Train(train, kind, ClassifierOptions.Default, seed: 9);
        var second = BinaryClassifierTrainer.Train(train, kind, ClassifierOptions.Default, seed: 9);

        Assert.Equal(first.Probabilities(test).ToArray(), second.Probabilities(test).ToArray());
        Assert.Equal(first.Calibration, second.Calibration);
        Assert.Equal(first.Contributions(test)[0].ToArray(), second.Contributions(test)[0].ToArray());
    }

    [Fact]
    public void Logistic_contributions_are_weights_times_standardised_values_summed_per_feature()
    {
        var (train, test) = Small();
        var model = BinaryClassifierTrainer.Train(train, ClassifierKind.LogisticRegression, ClassifierOptions.Default, seed: 9);

        var contributions = model.Contributions(test);

        // Every feature appears once (the categorical one with its one-hot slots summed), largest first.
        Assert.All(contributions, c =>
        {
            Assert.Equal(["Contract", "MonthlyCharges", "tenure"], c.Select(x => x.Feature).Order(StringComparer.Ordinal));
            Assert.Equal(c.Select(x => x.Value).OrderDescending(), c.Select(x => x.Value));
        });
        // A linear model's contributions add up to the raw score less the bias, so they rank rows as the probabilities do.
        var probabilities = model.Probabilities(test);
        var sums = contributions.Select(c => c.Sum(x => x.Value)).ToList();
        for (var i = 0; i < sums.Count; i++)
        {
            for (var j = 0; j < sums.Count; j++)
            {
                if (probabilities[i] > probabilities[j] + 1e-4)
                {
                    Assert.True(sums[i] > sums[j], $"rows {i} and {j}");
                }
            }
        }
        // Short tenure pushes towards churn on month-to-month accounts: tenure contributes positively on the first-month ones.
        var firstMonth = test.Rows.Select((r, i) => (r, i)).Where(x => x.r.Numeric[0] <= 1).Select(x => x.i).ToList();
        Assert.NotEmpty(firstMonth);
        Assert.All(firstMonth, i => Assert.True(contributions[i].Single(c => c.Feature == "tenure").Value > 0));
    }

    [Fact]
    public void One_class_cannot_be_trained_on()
    {
        var (train, _) = Small();

        var error = Assert.Throws<ArgumentException>(() =>
            BinaryClassifierTrainer.Train(train.Where(r => r.Label == false), ClassifierKind.LogisticRegression, ClassifierOptions.Default, 1));

        Assert.Contains("both classes", error.Message);
    }

    [Fact]
    public void A_category_never_seen_in_training_is_scored_as_none_of_the_known_ones()
    {
        var (train, test) = Small();
        var model = BinaryClassifierTrainer.Train(train, ClassifierKind.LogisticRegression, ClassifierOptions.Default, seed: 9);
        var row = test.Rows[0] with { Categorical = ["Three year"] };

        var p = model.Probabilities(test.With([row]));

        Assert.InRange(p[0], 0, 1);
        Assert.Equal(0, model.Contributions(test.With([row]))[0].Single(c => c.Feature == "Contract").Value, 6);
    }

    /// <summary>1,500 Telco accounts with three features: tenure, monthly charges and contract; the first 1,000 train.</summary>
    private static (FeatureTable Train, FeatureTable Test) Small()
    {
        var all = TelcoChurn.All;
        var tenure = all.Schema.Numeric.IndexOf("tenure");
        var charges = all.Schema.Numeric.IndexOf("MonthlyCharges");
        var contract = all.Schema.Categorical.IndexOf("Contract");
        var table = new FeatureTable(
            new FeatureSchema(["tenure", "MonthlyCharges"], ["Contract"]),
            all.Rows.Take(1500).Select(r => r with { Numeric = [r.Numeric[tenure], r.Numeric[charges]], Categorical = [r.Categorical[contract]] }));
        return (table.With(table.Rows.Take(1000)), table.With(table.Rows.Skip(1000)));
    }
}
