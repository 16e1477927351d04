using System.Globalization;

namespace SupportLens.Analytics.Forecasting.M4;

/// <summary>One M4 series: its training values and the withheld test values that follow them.</summary>
internal sealed record M4Series(string Id, double[] Train, double[] Test);

/// <summary>
/// Reads the M4 competition's <c>Weekly-train.csv</c> and <c>Weekly-test.csv</c>: a header row, then one
/// row per series: its quoted id followed by quoted values, shorter rows padded with empty cells.
/// </summary>
internal static class M4Dataset
{
    public static IReadOnlyList<M4Series> Load(string directory, string frequency = "Weekly")
    {
        var train = Read(Path.Combine(directory, $"{frequency}-train.csv"));
        var test = Read(Path.Combine(directory, $"{frequency}-test.csv")).ToDictionary(s => s.Id, s => s.Values, StringComparer.Ordinal);
        return train
            .Select(s => new M4Series(s.Id, s.Values, test.TryGetValue(s.Id, out var t)
                ? t
                : throw new InvalidDataException($"{frequency}-test.csv has no row for series {s.Id}.")))
            .ToArray();
    }

    private static IEnumerable<(string Id, double[] Values)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"M4 file not found: {path}", path);
        }

        var line = 0;
        foreach (var text in File.ReadLines(path).Skip(1))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var cells = text.Split(',');
            var values = new List<double>(cells.Length);
            for (var i = 1; i < cells.Length; i++)
            {
                var cell = cells[i].Trim('"');
                if (cell.Length == 0)
                {
                    continue;
                }

                values.Add(double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new InvalidDataException($"{Path.GetFileName(path)} line {line + 1} column {i + 1}: \"{cell}\" is not a number."));
            }

            yield return (cells[0].Trim('"'), values.ToArray());
        }
    }
}
