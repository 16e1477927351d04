using System.Collections.Immutable;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Risk;

/// <summary>How the churn risk model is trained, chosen and read. Every member has a documented default.</summary>
public sealed record RiskSettings
{
    public static RiskSettings Default { get; } = new();

    /// <summary>Churn within this many days after a snapshot makes it positive.</summary>
    public int HorizonDays { get; init; } = 90;

    /// <summary>With fewer churned clients than this in the labelled snapshots, no model is trained: health rules flag instead.</summary>
    public int MinimumChurnEvents { get; init; } = 5;

    /// <summary>A cross-validation month is used only when at least this many churned clients are in its training part.</summary>
    public int MinimumTrainingEventsPerFold { get; init; } = 2;

    /// <summary>
    /// The classifiers compared; the first wins ties. FastTree is left out by default: it ranks like LightGbm on these
    /// snapshots but costs about ten times as much per fit, and a refresh trains a model per month of history.
    /// </summary>
    public ImmutableArray<ClassifierKind> Candidates { get; init; } = [ClassifierKind.LogisticRegression, ClassifierKind.LightGbm];

    /// <summary>Hyper-parameters; smaller leaves than the default because a few hundred snapshots hold a handful of churners.</summary>
    public ClassifierOptions Classifier { get; init; } = ClassifierOptions.Default with { MinimumExamplesPerLeaf = 10 };

    /// <summary>Candidates whose cross-validated AUC is within this of the best are compared on Brier score instead.</summary>
    public double AucTieWithin { get; init; } = 0.005;

    /// <summary>A client whose probability of churn is at least this is flagged at risk.</summary>
    public double AtRiskProbability { get; init; } = 0.25;

    /// <summary>At most this many drivers are named per client.</summary>
    public int MaximumDrivers { get; init; } = 3;

    /// <summary>
    /// Health rules (the fallback): a red client is at risk, and so is one whose health fell this many points more than
    /// the book's median change over the same 30 days. Measured against the book because an overloaded week drops every
    /// client's SLA at once: that dip is the support organisation's, not a sign that one client is leaving.
    /// </summary>
    public int FallingFastPoints { get; init; } = 15;

    /// <summary>
    /// Health rules also flag a client whose health is not green and whose contract renews within this many days: a
    /// renewal is when an unhappy client can leave. 0 turns the rule off.
    /// </summary>
    public int RenewalWindowDays { get; init; } = 60;

    /// <summary>With fewer clients than this assessed on a day, the book's median is not trusted and the change counts as it is.</summary>
    public int MinimumBookForMedian { get; init; } = 5;

    public int Seed { get; init; } = 20261101;

    /// <summary>What is wrong with these settings, each problem named by its key path under <paramref name="path"/>.</summary>
    public IReadOnlyList<string> Problems(string path = "risk")
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                problems.Add($"{path}.{key}: {rule}");
            }
        }
        Check(HorizonDays >= 1, "horizon_days", "must be 1 or more");
        Check(MinimumChurnEvents >= 2, "minimum_churn_events", "must be 2 or more");
        Check(MinimumTrainingEventsPerFold >= 1, "minimum_training_events_per_fold", "must be 1 or more");
        Check(!Candidates.IsDefaultOrEmpty && Candidates.Distinct().Count() == Candidates.Length
            && Candidates.All(Enum.IsDefined), "candidates", "one or more distinct classifiers");
        Check(AucTieWithin is >= 0 and < 1, "auc_tie_within", "between 0 and 1");
        Check(AtRiskProbability is > 0 and <= 1, "at_risk_probability", "above 0 and at most 1");
        Check(MaximumDrivers >= 1, "maximum_drivers", "must be 1 or more");
        Check(FallingFastPoints >= 0, "falling_fast_points", "must be 0 or more");
        Check(RenewalWindowDays >= 0, "renewal_window_days", "must be 0 or more");
        Check(MinimumBookForMedian >= 1, "minimum_book_for_median", "must be 1 or more");
        var c = Classifier;
        Check(c.L1Regularization >= 0 && c.L2Regularization >= 0, "classifier.regularization", "must be 0 or more");
        Check(c.Leaves >= 2, "classifier.leaves", "must be 2 or more");
        Check(c.Trees >= 1, "classifier.trees", "must be 1 or more");
        Check(c.LearningRate is > 0 and <= 1, "classifier.learning_rate", "above 0 and at most 1");
        Check(c.MinimumExamplesPerLeaf >= 1, "classifier.minimum_examples_per_leaf", "must be 1 or more");
        Check(c.CalibrationFolds >= 2, "classifier.calibration_folds", "must be 2 or more");
        return problems;
    }
}
