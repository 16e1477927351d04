using System.Globalization;

namespace SupportLens.Reports.Charts;

/// <summary>How a figure prints on paper and screen: decimals, a unit suffix, and the unit of a change.</summary>
/// <param name="Decimals">Digits after the point (thousands are grouped with commas).</param>
/// <param name="Suffix">Appended to every value, e.g. " %".</param>
/// <param name="DeltaSuffix">Appended to a change between two values, e.g. " pts" for percentages.</param>
/// <param name="Signed">Prints "+" before positive values (NPS runs from −100 to 100).</param>
public sealed record ValueFormat(int Decimals, string Suffix = "", string DeltaSuffix = "", bool Signed = false)
{
    /// <summary>What is printed for a figure with no data behind it.</summary>
    public const string NotMeasured = "–";

    public static ValueFormat Percent { get; } = new(1, " %", " pts");
    public static ValueFormat Count { get; } = new(0);
    public static ValueFormat Decimal { get; } = new(1);
    public static ValueFormat Nps { get; } = new(0, "", "", Signed: true);
    public static ValueFormat Hours { get; } = new(1, " h", " h");

    public string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? Number(v, Decimals, Signed) + Suffix : NotMeasured;

    public string FormatDelta(double delta) => Number(delta, Decimals, signed: true) + DeltaSuffix;

    /// <summary>An axis tick: as few decimals as the tick needs, at most this format's.</summary>
    public string FormatTick(double value)
    {
        var decimals = 0;
        while (decimals < Decimals && Math.Abs(value * Math.Pow(10, decimals) - Math.Round(value * Math.Pow(10, decimals))) > 1e-9)
        {
            decimals++;
        }

        return Number(value, decimals, Signed) + Suffix;
    }

    private static string Number(double value, int decimals, bool signed)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "-0"
        }

        var text = rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return signed && rounded > 0 ? "+" + text : text.Replace('-', '−');
    }
}
