using System.Collections.Immutable;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>
/// Turns feature rows into the dense float vectors ML.NET trains on, with what was learnt from the training rows
/// only: numeric features standardised (training mean and standard deviation; unknown values become the mean, i.e. 0),
/// categorical ones one-hot over the training levels (a level never seen in training is all zeros). Each slot
/// remembers its source feature, so contributions can be summed back to the features a person recognises.
/// Hand-written rather than ML.NET's normalising and one-hot transforms because the slot-to-feature map and the
/// standardised values are what the explanations are made of ("linear weights × standardised values").
/// </summary>
internal sealed class FeatureEncoder
{
    private readonly FeatureSchema _schema;
    private readonly double[] _means;
    private readonly double[] _deviations;
    private readonly ImmutableArray<ImmutableArray<string?>> _levels;

    private FeatureEncoder(FeatureSchema schema, double[] means, double[] deviations, ImmutableArray<ImmutableArray<string?>> levels)
    {
        _schema = schema;
        _means = means;
        _deviations = deviations;
        _levels = levels;
        var sources = new List<int>();
        var names = new List<string>();
        for (var i = 0; i < schema.Numeric.Length; i++)
        {
            sources.Add(i);
            names.Add(schema.Numeric[i]);
        }
        for (var j = 0; j < levels.Length; j++)
        {
            foreach (var level in levels[j])
            {
                sources.Add(schema.Numeric.Length + j);
                names.Add($"{schema.Categorical[j]}={level ?? "(none)"}");
            }
        }
        SlotSources = [.. sources];
        SlotNames = [.. names];
    }

    /// <summary>For each slot, the index of its feature in <see cref="FeatureSchema.Names"/>.</summary>
    public ImmutableArray<int> SlotSources { get; }

    public ImmutableArray<string> SlotNames { get; }

    public int Slots => SlotSources.Length;

    public static FeatureEncoder Fit(FeatureTable table)
    {
        var schema = table.Schema;
        var means = new double[schema.Numeric.Length];
        var deviations = new double[schema.Numeric.Length];
        for (var i = 0; i < means.Length; i++)
        {
            var known = table.Rows.Select(r => r.Numeric[i]).Where(double.IsFinite).ToList();
            means[i] = known.Count == 0 ? 0 : known.Average();
            var variance = known.Count < 2 ? 0 : known.Sum(v => (v - means[i]) * (v - means[i])) / (known.Count - 1);
            // A constant feature carries nothing; dividing by 1 keeps it at 0 instead of NaN.
            deviations[i] = variance > 0 ? Math.Sqrt(variance) : 1;
        }
        var levels = Enumerable.Range(0, schema.Categorical.Length)
            .Select(j => table.Rows.Select(r => r.Categorical[j]).Distinct().Order(StringComparer.Ordinal).ToImmutableArray())
            .ToImmutableArray();
        return new FeatureEncoder(schema, means, deviations, levels);
    }

    public float[] Encode(FeatureRow row)
    {
        var vector = new float[Slots];
        var slot = 0;
        for (var i = 0; i < _means.Length; i++)
        {
            var value = row.Numeric[i];
            vector[slot++] = double.IsFinite(value) ? (float)((value - _means[i]) / _deviations[i]) : 0f;
        }
        for (var j = 0; j < _levels.Length; j++)
        {
            var index = _levels[j].IndexOf(row.Categorical[j]);
            if (index >= 0)
            {
                vector[slot + index] = 1f;
            }
            slot += _levels[j].Length;
        }
        return vector;
    }

    public FeatureSchema Schema => _schema;
}
