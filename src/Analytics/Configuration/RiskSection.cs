using System.Text.Json;
using SupportLens.Analytics.Risk;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Configuration;

/// <summary>
/// The optional `risk` section (README "Configuration"): how the churn risk model is trained, chosen and read. Every
/// key is optional; an absent key keeps <see cref="RiskSettings.Default"/>'s value, and so does an absent section.
/// </summary>
internal sealed class RiskSectionDocument
{
    public int? HorizonDays { get; set; }

    public int? MinimumChurnEvents { get; set; }

    public int? MinimumTrainingEventsPerFold { get; set; }

    /// <summary>Classifiers compared, first wins ties: logistic_regression, light_gbm, fast_tree.</summary>
    public List<string>? Candidates { get; set; }

    public double? AtRiskProbability { get; set; }

    public double? AucTieWithin { get; set; }

    public int? MaximumDrivers { get; set; }

    public int? FallingFastPoints { get; set; }

    public int? RenewalWindowDays { get; set; }

    public int? MinimumBookForMedian { get; set; }

    public int? Seed { get; set; }

    public ClassifierDocument? Classifier { get; set; }

    public static RiskSectionDocument From(RiskSettings settings) => new()
    {
        HorizonDays = settings.HorizonDays,
        MinimumChurnEvents = settings.MinimumChurnEvents,
        MinimumTrainingEventsPerFold = settings.MinimumTrainingEventsPerFold,
        Candidates = [.. settings.Candidates.Select(RiskSection.Name)],
        AtRiskProbability = settings.AtRiskProbability,
        AucTieWithin = settings.AucTieWithin,
        MaximumDrivers = settings.MaximumDrivers,
        FallingFastPoints = settings.FallingFastPoints,
        RenewalWindowDays = settings.RenewalWindowDays,
        MinimumBookForMedian = settings.MinimumBookForMedian,
        Seed = settings.Seed,
        Classifier = new ClassifierDocument
        {
            L2Regularization = settings.Classifier.L2Regularization,
            L1Regularization = settings.Classifier.L1Regularization,
            Leaves = settings.Classifier.Leaves,
            Trees = settings.Classifier.Trees,
            LearningRate = settings.Classifier.LearningRate,
            MinimumExamplesPerLeaf = settings.Classifier.MinimumExamplesPerLeaf,
            CalibrationFolds = settings.Classifier.CalibrationFolds,
        },
    };
}

internal sealed class ClassifierDocument
{
    public float? L2Regularization { get; set; }

    public float? L1Regularization { get; set; }

    public int? Leaves { get; set; }

    public int? Trees { get; set; }

    public double? LearningRate { get; set; }

    public int? MinimumExamplesPerLeaf { get; set; }

    public int? CalibrationFolds { get; set; }
}

/// <summary>Binds the `risk` section onto the defaults; problems are added as "risk.key.path: what is wrong".</summary>
internal static class RiskSection
{
    private const string Path = "risk";

    /// <summary>The configuration name of a classifier: logistic_regression, light_gbm, fast_tree.</summary>
    public static string Name(ClassifierKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static RiskSettings? Bind(RiskSectionDocument? doc, List<string> errors)
    {
        var defaults = RiskSettings.Default;
        if (doc is null)
        {
            return defaults;
        }
        var problems = new List<string>();
        var candidates = defaults.Candidates;
        if (doc.Candidates is { } names)
        {
            var kinds = new List<ClassifierKind>();
            for (var i = 0; i < names.Count; i++)
            {
                var match = Enum.GetValues<ClassifierKind>().Where(k => Name(k) == names[i]).ToList();
                if (match.Count == 1)
                {
                    kinds.Add(match[0]);
                }
                else
                {
                    problems.Add($"{Path}.candidates[{i}]: unknown classifier \"{names[i]}\"; classifiers are " +
                        string.Join(", ", Enum.GetValues<ClassifierKind>().Select(Name)));
                }
            }
            candidates = [.. kinds];
        }
        var c = doc.Classifier;
        var classifier = defaults.Classifier with
        {
            L2Regularization = c?.L2Regularization ?? defaults.Classifier.L2Regularization,
            L1Regularization = c?.L1Regularization ?? defaults.Classifier.L1Regularization,
            Leaves = c?.Leaves ?? defaults.Classifier.Leaves,
            Trees = c?.Trees ?? defaults.Classifier.Trees,
            LearningRate = c?.LearningRate ?? defaults.Classifier.LearningRate,
            MinimumExamplesPerLeaf = c?.MinimumExamplesPerLeaf ?? defaults.Classifier.MinimumExamplesPerLeaf,
            CalibrationFolds = c?.CalibrationFolds ?? defaults.Classifier.CalibrationFolds,
        };
        var settings = defaults with
        {
            HorizonDays = doc.HorizonDays ?? defaults.HorizonDays,
            MinimumChurnEvents = doc.MinimumChurnEvents ?? defaults.MinimumChurnEvents,
            MinimumTrainingEventsPerFold = doc.MinimumTrainingEventsPerFold ?? defaults.MinimumTrainingEventsPerFold,
            Candidates = candidates,
            AtRiskProbability = doc.AtRiskProbability ?? defaults.AtRiskProbability,
            AucTieWithin = doc.AucTieWithin ?? defaults.AucTieWithin,
            MaximumDrivers = doc.MaximumDrivers ?? defaults.MaximumDrivers,
            FallingFastPoints = doc.FallingFastPoints ?? defaults.FallingFastPoints,
            RenewalWindowDays = doc.RenewalWindowDays ?? defaults.RenewalWindowDays,
            MinimumBookForMedian = doc.MinimumBookForMedian ?? defaults.MinimumBookForMedian,
            Seed = doc.Seed ?? defaults.Seed,
            Classifier = classifier,
        };
        // An unknown name is already reported; the settings' own check would only add "one or more" on top of it.
        if (problems.Count == 0)
        {
            problems.AddRange(settings.Problems(Path));
        }
        errors.AddRange(problems);
        return problems.Count == 0 ? settings : null;
    }
}
