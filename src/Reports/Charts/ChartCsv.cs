using System.Globalization;
using System.Text;

namespace SupportLens.Reports.Charts;

/// <summary>A figure's values as CSV (RFC 4180, invariant culture); interval and target columns appear only when used.</summary>
internal static class ChartCsv
{
    public static string Write(IReadOnlyList<ChartValue> values)
    {
        var hasBand = values.Any(v => v.Low is not null || v.High is not null);
        var hasTarget = values.Any(v => v.Target is not null);
        var csv = new StringBuilder("series,label,value");
        csv.Append(hasBand ? ",low,high" : "").Append(hasTarget ? ",target" : "").Append("\r\n");
        foreach (var v in values)
        {
            csv.Append(Field(v.Series)).Append(',').Append(Field(v.Label)).Append(',').Append(Number(v.Value));
            if (hasBand)
            {
                csv.Append(',').Append(Number(v.Low)).Append(',').Append(Number(v.High));
            }

            if (hasTarget)
            {
                csv.Append(',').Append(Number(v.Target));
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Field(string text)
    {
        // A label such as "=HYPERLINK(...)" must stay text when the file is opened in a spreadsheet.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
