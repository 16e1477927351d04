namespace SupportLens.Analytics.Risk.Learning;

/// <summary>The binary classifiers the risk model compares (ML.NET trainers).</summary>
public enum ClassifierKind
{
    /// <summary>L2-regularised logistic regression fitted by L-BFGS on standardised features.</summary>
    LogisticRegression,

    /// <summary>Gradient-boosted trees, LightGBM, with few leaves.</summary>
    LightGbm,

    /// <summary>Gradient-boosted trees, ML.NET's FastTree (MART), with few leaves.</summary>
    FastTree,
}
