using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Risk;

/// <summary>Where an at-risk flag came from.</summary>
public enum RiskMethod
{
    /// <summary>The calibrated classifier's probability against <see cref="RiskSettings.AtRiskProbability"/>.</summary>
    Model,

    /// <summary>Too few churn events to train: red health, or health falling fast.</summary>
    HealthRules,
}

/// <summary>
/// Something that pushes a client towards churn, in the health drivers' words. <see cref="Weight"/> is the model's
/// contribution to the raw score (summed over the feature's parts), or under health rules the points the component
/// costs the health score.
/// </summary>
public sealed record RiskDriver(string Feature, double Weight, string Text);

/// <summary>
/// One client's churn risk on one day. <see cref="Probability"/> is the calibrated probability of churn within the
/// horizon; null under health rules, which give a flag but no probability.
/// </summary>
public sealed record ClientRisk(
    string ClientId,
    LocalDate AsOf,
    double? Probability,
    bool AtRisk,
    RiskMethod Method,
    ImmutableArray<RiskDriver> Drivers);

/// <summary>
/// What a risk run was trained on and how well it did, stored with each run: the labelled window, snapshots and
/// churn events, every candidate's cross-validated AUC and Brier, the one kept, the features, and a sentence that
/// says the choice (or the fallback) plainly.
/// </summary>
public sealed record RiskModelCard(
    LocalDate DataEnd,
    LocalDate? WindowStart,
    LocalDate? WindowEnd,
    int Snapshots,
    int LabelledSnapshots,
    int PositiveSnapshots,
    int ChurnEvents,
    RiskMethod Method,
    ClassifierKind? Model,
    double? Auc,
    double? Brier,
    ImmutableArray<CrossValidationResult> Candidates,
    ImmutableArray<string> Features,
    int HorizonDays,
    double AtRiskProbability,
    int Seed,
    string Note);
