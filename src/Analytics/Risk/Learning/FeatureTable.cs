using System.Collections.Immutable;
using NodaTime;

namespace SupportLens.Analytics.Risk.Learning;

/// <summary>The columns of a <see cref="FeatureTable"/>: numeric features, then categorical ones, by name.</summary>
internal sealed record FeatureSchema(ImmutableArray<string> Numeric, ImmutableArray<string> Categorical)
{
    public int Count => Numeric.Length + Categorical.Length;

    public IEnumerable<string> Names => Numeric.Concat(Categorical);
}

/// <summary>
/// One example. <see cref="Numeric"/> may hold NaN for "not known" (imputed with the training mean);
/// a null category is its own level. <see cref="Group"/> ties rows of one entity together (a client's monthly
/// snapshots) so that calibration folds never split it and events are counted once; <see cref="Time"/> is the
/// day the row describes, for time-ordered validation. <see cref="Label"/> is null when unknown (rows to score).
/// </summary>
internal sealed record FeatureRow(
    string Key,
    bool? Label,
    ImmutableArray<double> Numeric,
    ImmutableArray<string?> Categorical,
    string? Group = null,
    LocalDate? Time = null)
{
    public string GroupKey => Group ?? Key;
}

/// <summary>A table of examples the classifier trains on or scores: a churn snapshot table, or any other (Telco accounts).</summary>
internal sealed class FeatureTable
{
    public FeatureTable(FeatureSchema schema, IEnumerable<FeatureRow> rows)
    {
        Schema = schema;
        Rows = [.. rows];
        foreach (var row in Rows)
        {
            if (row.Numeric.Length != schema.Numeric.Length || row.Categorical.Length != schema.Categorical.Length)
            {
                throw new ArgumentException(
                    $"row {row.Key} has {row.Numeric.Length} numeric and {row.Categorical.Length} categorical values; " +
                    $"the schema has {schema.Numeric.Length} and {schema.Categorical.Length}", nameof(rows));
            }
        }
    }

    public FeatureSchema Schema { get; }

    public ImmutableArray<FeatureRow> Rows { get; }

    public FeatureTable With(IEnumerable<FeatureRow> rows) => new(Schema, rows);

    public FeatureTable Where(Func<FeatureRow, bool> keep) => With(Rows.Where(keep));

    /// <summary>Positive rows.</summary>
    public int Positives => Rows.Count(r => r.Label == true);

    /// <summary>Groups (clients) with at least one positive row: churn events, not churn snapshots.</summary>
    public int Events => Rows.Where(r => r.Label == true).Select(r => r.GroupKey).Distinct().Count();
}
