using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>
/// A fitted ML.NET binary classifier read for its raw score (margin) and its per-slot feature contributions; the
/// probability comes from our own calibration on held-out scores (<see cref="BinaryClassifierTrainer"/>).
/// </summary>
internal sealed class RawModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _scorer;
    private readonly ITransformer _explainer;
    private readonly int _slots;

    private RawModel(MLContext ml, ITransformer scorer, ITransformer explainer, int slots)
    {
        _ml = ml;
        _scorer = scorer;
        _explainer = explainer;
        _slots = slots;
    }

    public static RawModel Fit(MLContext ml, ClassifierKind kind, ClassifierOptions options, IDataView examples, int slots, int seed) =>
        kind switch
        {
            ClassifierKind.LogisticRegression => Fit(ml, examples, slots, ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = MlNetData.Label,
                    FeatureColumnName = MlNetData.Features,
                    L2Regularization = options.L2Regularization,
                    L1Regularization = options.L1Regularization,
                    // One thread: the same data gives the same weights on any machine.
                    NumberOfThreads = 1,
                }).Fit),
            ClassifierKind.LightGbm => Fit(ml, examples, slots, ml.BinaryClassification.Trainers.LightGbm(
                new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = MlNetData.Label,
                    FeatureColumnName = MlNetData.Features,
                    NumberOfLeaves = options.Leaves,
                    NumberOfIterations = options.Trees,
                    LearningRate = options.LearningRate,
                    MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                    NumberOfThreads = 1,
                    Seed = seed,
                    Silent = true,
                    Verbose = false,
                }).Fit),
            ClassifierKind.FastTree => Fit(ml, examples, slots, ml.BinaryClassification.Trainers.FastTree(
                new FastTreeBinaryTrainer.Options
                {
                    LabelColumnName = MlNetData.Label,
                    FeatureColumnName = MlNetData.Features,
                    NumberOfLeaves = options.Leaves,
                    NumberOfTrees = options.Trees,
                    LearningRate = options.LearningRate,
                    MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                    NumberOfThreads = 1,
                    Seed = seed,
                }).Fit),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    private static RawModel Fit<TModel>(
        MLContext ml, IDataView examples, int slots,
        Func<IDataView, ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<TModel, PlattCalibrator>>> fit)
        where TModel : class, ICalculateFeatureContribution
    {
        var model = fit(examples);
        // Every slot's contribution, unscaled: in the units of the raw score, so they add up across a feature's slots.
        var explainer = ml.Transforms.CalculateFeatureContribution(model, slots, slots, normalize: false).Fit(examples);
        return new RawModel(ml, model, explainer, slots);
    }

    public float[] Scores(IDataView examples) => [.. _scorer.Transform(examples).GetColumn<float>(MlNetData.Score)];

    /// <summary>Per row, the contribution of each slot to the raw score.</summary>
    public IEnumerable<float[]> Contributions(IDataView examples) =>
        _explainer.Transform(examples).GetColumn<VBuffer<float>>(MlNetData.Contributions).Select(v =>
        {
            var dense = new float[_slots];
            v.CopyTo(dense);
            return dense;
        });

    public MLContext Context => _ml;
}
