using Microsoft.ML;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Tests.Risk.Learning;

public sealed class ClassifierMetricsTests
{
    [Fact]
    public void Auc_counts_ties_as_half_and_brier_is_the_mean_squared_error()
    {
        bool[] labels = [true, false, true, false];
        double[] p = [0.9, 0.9, 0.5, 0.1];

        // Positive/negative pairs: (0.9, 0.9) tie 0.5; (0.9, 0.1) 1; (0.5, 0.9) 0; (0.5, 0.1) 1 -> 2.5 / 4 = 0.625.
        Assert.Equal(0.625, ClassifierMetrics.Auc(labels, p));
        // (0.1² + 0.9² + 0.5² + 0.1²) / 4 = (0.01 + 0.81 + 0.25 + 0.01) / 4 = 0.27.
        Assert.Equal(0.27, ClassifierMetrics.Brier(labels, p)!.Value, 12);
    }

    [Fact]
    public void Without_both_classes_there_is_no_auc()
    {
        Assert.Null(ClassifierMetrics.Auc([true, true], [0.2, 0.8]));
        Assert.Null(ClassifierMetrics.Brier([], []));
        Assert.Throws<ArgumentException>(() => ClassifierMetrics.Auc([true], [0.1, 0.2]));
    }

    [Fact]
    public void Auc_agrees_with_the_ml_net_evaluator()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 2000).Select(_ =>
        {
            var label = random.NextDouble() < 0.3;
            // Scores on a coarse grid, so that ties occur.
            var score = Math.Round((label ? 0.6 : 0.0) + random.NextDouble(), 1);
            return new Scored { Label = label, Score = (float)score, PredictedLabel = score > 0.5 };
        }).ToList();
        var ml = new MLContext(1);

        var expected = ml.BinaryClassification.EvaluateNonCalibrated(ml.Data.LoadFromEnumerable(rows)).AreaUnderRocCurve;

        Assert.Equal(expected, ClassifierMetrics.Auc([.. rows.Select(r => r.Label)], [.. rows.Select(r => (double)r.Score)])!.Value, 6);
    }

    public sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        // The evaluator wants it for its threshold figures; AUC does not read it.
        public bool PredictedLabel { get; set; }
    }
}
