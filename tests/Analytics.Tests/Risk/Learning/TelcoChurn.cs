using System.Collections.Immutable;
using System.Globalization;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Tests.Risk.Learning;

/// <summary>
/// IBM's Telco customer churn sample (../shared/data/telco-churn, Apache-2.0; 7,043 accounts, 1,869 churned) as a
/// <see cref="FeatureTable"/>: 4 numeric columns (a blank TotalCharges, 11 accounts in their first month, is "not
/// known"), 15 categorical ones, label Churn = Yes. The file has no quoted fields, so a split on commas reads it.
/// </summary>
internal static class TelcoChurn
{
    private static readonly string[] Numeric = ["SeniorCitizen", "tenure", "MonthlyCharges", "TotalCharges"];

    private static readonly Lazy<FeatureTable> Table = new(Load);

    public static FeatureTable All => Table.Value;

    /// <summary>A fixed, seeded 80/20 split: rows shuffled with <see cref="Random"/>(<paramref name="seed"/>), the first 80 % train.</summary>
    public static (FeatureTable Train, FeatureTable Test) Split(int seed = 20261101)
    {
        var rows = All.Rows.ToArray();
        new Random(seed).Shuffle(rows);
        var cut = (int)Math.Round(rows.Length * 0.8);
        return (All.With(rows[..cut]), All.With(rows[cut..]));
    }

    private static FeatureTable Load()
    {
        var lines = File.ReadAllLines(SharedData.Path("telco-churn", "Telco-Customer-Churn.csv"));
        var header = lines[0].Split(',');
        var id = Array.IndexOf(header, "customerID");
        var churn = Array.IndexOf(header, "Churn");
        var numeric = Numeric.Select(n => Array.IndexOf(header, n)).ToArray();
        var categorical = Enumerable.Range(0, header.Length).Where(i => i != id && i != churn && !numeric.Contains(i)).ToArray();
        var schema = new FeatureSchema([.. Numeric], [.. categorical.Select(i => header[i])]);
        return new FeatureTable(schema, lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new FeatureRow(
                f[id],
                f[churn] == "Yes",
                [.. numeric.Select(i => double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)],
                [.. categorical.Select(i => (string?)f[i])]);
        }));
    }
}
