namespace SupportLens.Analytics.Risk.Learning;

/// <summary>
/// Hyper-parameters of the classifiers, with defaults that suit a few thousand rows (the Telco check) and stay
/// sensible on a few hundred snapshots: strong regularisation and small trees, since churn events are few.
/// </summary>
public sealed record ClassifierOptions
{
    public static ClassifierOptions Default { get; } = new();

    /// <summary>L2 penalty of the logistic regression.</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>L1 penalty of the logistic regression (0: plain ridge, every feature keeps a weight to explain with).</summary>
    public float L1Regularization { get; init; }

    /// <summary>Leaves per tree of both tree learners.</summary>
    public int Leaves { get; init; } = 8;

    /// <summary>Boosting rounds of both tree learners.</summary>
    public int Trees { get; init; } = 100;

    public double LearningRate { get; init; } = 0.05;

    /// <summary>A leaf holds at least this many training rows.</summary>
    public int MinimumExamplesPerLeaf { get; init; } = 20;

    /// <summary>
    /// Probabilities are calibrated by Platt scaling on out-of-fold scores from this many group folds of the training
    /// rows (the trees' own in-sample calibration is over-confident).
    /// </summary>
    public int CalibrationFolds { get; init; } = 3;
}
