namespace SupportLens.Analytics.Risk.Learning;

/// <summary>
/// Area under the ROC curve and Brier score of predicted probabilities. Written here rather than taken from ML.NET's
/// evaluator because cross-validation pools predictions of several models, and a pool with one class has no AUC
/// (null, "not measured") where the evaluator would throw.
/// </summary>
internal static class ClassifierMetrics
{
    /// <summary>
    /// The probability that a random positive is ranked above a random negative (ties count half): the Mann–Whitney U
    /// over mid-ranks. Null without both classes.
    /// </summary>
    public static double? Auc(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        Check(labels, probabilities);
        long positives = labels.Count(l => l);
        long negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => probabilities[i]).ToArray();
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }
            // Ranks start + 1 .. end + 1 share their mean.
            var midRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += midRank;
                }
            }
            start = end + 1;
        }
        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>Mean squared difference between probability and outcome (0 perfect; 0.25 for a coin). Null when empty.</summary>
    public static double? Brier(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        Check(labels, probabilities);
        return labels.Count == 0 ? null : labels.Select((l, i) => Math.Pow(probabilities[i] - (l ? 1 : 0), 2)).Average();
    }

    private static void Check(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        if (labels.Count != probabilities.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {probabilities.Count} probabilities");
        }
    }
}
