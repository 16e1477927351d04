using System.Collections.Immutable;
using Microsoft.ML.Calibrators;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>A feature's part in one row's raw score: positive pushes towards the positive class (churn).</summary>
internal sealed record FeatureContribution(string Feature, double Value);

/// <summary>
/// A classifier trained by <see cref="BinaryClassifierTrainer"/>: the encoder learnt on its training rows, the
/// ML.NET model, and the Platt calibration of its raw scores.
/// </summary>
internal sealed class TrainedClassifier
{
    private readonly FeatureEncoder _encoder;
    private readonly RawModel _model;
    private readonly PlattCalibrator _calibration;

    internal TrainedClassifier(ClassifierKind kind, FeatureEncoder encoder, RawModel model, PlattCalibrator calibration)
    {
        Kind = kind;
        _encoder = encoder;
        _model = model;
        _calibration = calibration;
    }

    public ClassifierKind Kind { get; }

    /// <summary>The Platt mapping, probability = 1 / (1 + exp(slope·score + offset)) as ML.NET defines it.</summary>
    public (double Slope, double Offset) Calibration => (_calibration.Slope, _calibration.Offset);

    /// <summary>Calibrated probabilities of the positive class, in row order. Labels are ignored.</summary>
    public ImmutableArray<double> Probabilities(FeatureTable rows) =>
        [.. _model.Scores(Examples(rows)).Select(score => (double)_calibration.PredictProbability(score))];

    /// <summary>
    /// Per row, every feature's contribution to the raw score (its slots summed), largest first; ties in feature order.
    /// For the logistic regression this is weight × standardised value; for trees, ML.NET's path contributions.
    /// </summary>
    public ImmutableArray<ImmutableArray<FeatureContribution>> Contributions(FeatureTable rows)
    {
        var names = _encoder.Schema.Names.ToArray();
        return
        [
            .. _model.Contributions(Examples(rows)).Select(slots =>
            {
                var byFeature = new double[names.Length];
                for (var s = 0; s < slots.Length; s++)
                {
                    byFeature[_encoder.SlotSources[s]] += slots[s];
                }
                return byFeature
                    .Select((value, i) => (value, i))
                    .OrderByDescending(x => x.value)
                    .ThenBy(x => x.i)
                    .Select(x => new FeatureContribution(names[x.i], x.value))
                    .ToImmutableArray();
            }),
        ];
    }

    private Microsoft.ML.IDataView Examples(FeatureTable rows)
    {
        if (!rows.Schema.Names.SequenceEqual(_encoder.Schema.Names))
        {
            throw new ArgumentException("the rows' features are not the ones the classifier was trained on", nameof(rows));
        }
        return MlNetData.Examples(_model.Context, rows.Rows.Select(r => (_encoder.Encode(r), r.Label ?? false)), _encoder.Slots);
    }
}
