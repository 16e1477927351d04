using Microsoft.ML;
using Microsoft.ML.Data;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>Encoded rows as ML.NET data views: a bool Label and a fixed-length float vector of Features.</summary>
internal static class MlNetData
{
    public const string Label = "Label";
    public const string Features = "Features";
    public const string Score = "Score";
    public const string Contributions = "FeatureContributions";

    public static IDataView Examples(MLContext ml, IEnumerable<(float[] Features, bool Label)> rows, int slots)
    {
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slots);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new Example { Features = r.Features, Label = r.Label }), schema);
    }

    public static IDataView Scores(MLContext ml, IEnumerable<(float Score, bool Label)> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredExample { Score = r.Score, Label = r.Label }));

    // ML.NET reads these through reflection: public members, and public types for its generated getters.
    public sealed class Example
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    public sealed class ScoredExample
    {
        public bool Label { get; set; }

        public float Score { get; set; }
    }
}
