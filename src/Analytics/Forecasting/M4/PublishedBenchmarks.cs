using System.Globalization;

namespace SupportLens.Analytics.Forecasting.M4;

/// <summary>One method's official M4 Weekly scores.</summary>
public sealed record PublishedScore(string Method, double? Smape, double? Mase, double? Owa);

/// <summary>
/// The official M4 scores per method (<c>published-benchmarks.csv</c>: Method, Metric, then one column per frequency),
/// read for the Weekly column so an evaluation can be set beside them.
/// </summary>
public static class PublishedBenchmarks
{
    /// <summary>The Weekly scores in the file's order; empty when the file is absent.</summary>
    public static IReadOnlyList<PublishedScore> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var weekly = Array.IndexOf(header, "Weekly");
        if (weekly < 0)
        {
            return [];
        }

        var scores = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            if (cells.Length <= weekly || !double.TryParse(cells[weekly], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            if (!scores.TryGetValue(cells[0], out var metrics))
            {
                scores[cells[0]] = metrics = new Dictionary<string, double>(StringComparer.Ordinal);
                order.Add(cells[0]);
            }

            metrics[cells[1]] = value;
        }

        return order.Select(method => new PublishedScore(
            method,
            scores[method].TryGetValue("sMAPE", out var smape) ? smape : null,
            scores[method].TryGetValue("MASE", out var mase) ? mase : null,
            scores[method].TryGetValue("OWA", out var owa) ? owa : null)).ToArray();
    }
}
