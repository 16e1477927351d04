using System.Globalization;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// Reads a number as spreadsheets in any locale write it (README "Validation"). Each text is tried two ways: with
/// <c>.</c> as the decimal point (<c>,</c> grouping thousands) and with <c>,</c> as the decimal point (<c>.</c>
/// grouping); spaces and apostrophes may group thousands in both. A reading is valid only when its separators sit where
/// that convention puts them (one decimal separator, after every group of exactly three digits). One valid reading is
/// the number; two that differ are ambiguous and refused, except that a lone <c>.</c> in a fractional field is the
/// decimal point (as JSON, ISO and most exports write it). Whole-number fields keep only whole readings, so
/// <c>1,200</c> is 1200 there but <c>1.000</c> could be 1 or 1000.
/// </summary>
internal static class NumberText
{
    /// <summary>The number, or why the text is not one (null <paramref name="problem"/> with null value: not a number at all).</summary>
    public static decimal? Read(string text, bool whole, out string? problem)
    {
        problem = null;
        var s = text.AsSpan().Trim();
        if (s.Length == 0)
        {
            return null;
        }
        // Most numbers are plain (12, 4.5): read them at once. Anything else tries both conventions below.
        if (!s.ContainsAny(Separators) && (!whole || !s.Contains('.'))
            && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain))
        {
            return whole && plain != decimal.Truncate(plain) ? null : plain;
        }
        if (s.ContainsAny('e', 'E'))
        {
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var scientific)
                   && double.IsFinite(scientific) && Math.Abs(scientific) < 7.9e28
                   && (!whole || scientific == Math.Floor(scientific))
                ? (decimal)scientific
                : null;
        }
        var point = Reading(s, '.', ',');
        var comma = Reading(s, ',', '.');
        if (whole)
        {
            point = point is { } p && p == decimal.Truncate(p) ? p : null;
            comma = comma is { } c && c == decimal.Truncate(c) ? c : null;
        }
        if (point is { } a && comma is { } b && a != b)
        {
            var separator = s.Contains(',') ? ',' : '.';
            // The reading in which the separator groups thousands, and the one in which it is the decimal point.
            var (grouped, fraction) = separator == ',' ? (a, b) : (b, a);
            if (separator == '.' && !whole)
            {
                return a;
            }
            problem = string.Create(CultureInfo.InvariantCulture,
                $"is ambiguous: {Show(grouped)} with a thousands separator, or {Show(fraction)} with a decimal {(separator == ',' ? "comma" : "point")}; " +
                $"write it without the separator ({Show(grouped)} or {Show(fraction)})");
            return null;
        }
        return point ?? comma;
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(",' \u00A0\u202FeE");

    private static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The value with <paramref name="decimalPoint"/> as the decimal point, or null when the text does not follow that convention.</summary>
    private static decimal? Reading(ReadOnlySpan<char> s, char decimalPoint, char grouping)
    {
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var digits = new System.Text.StringBuilder(s.Length);
        var groups = 0;
        var groupDigits = 0;
        var leading = 0;
        var fraction = -1;
        foreach (var ch in s)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits.Append(ch);
                if (fraction >= 0)
                {
                    fraction++;
                }
                else if (groups == 0)
                {
                    leading++;
                }
                else
                {
                    groupDigits++;
                }
            }
            else if (ch == decimalPoint && fraction < 0)
            {
                if (groups > 0 && groupDigits != 3)
                {
                    return null;
                }
                digits.Append('.');
                fraction = 0;
            }
            else if ((ch == grouping || ch is ' ' or '\u00A0' or '\u202F' or '\'') && fraction < 0)
            {
                // A group separator follows 1-3 leading digits (not a lone 0) or a whole group of three.
                if ((groups == 0 && (leading is 0 or > 3 || (leading == 1 && digits[0] == '0'))) || (groups > 0 && groupDigits != 3))
                {
                    return null;
                }
                groups++;
                groupDigits = 0;
            }
            else
            {
                return null;
            }
        }
        if ((groups > 0 && fraction < 0 && groupDigits != 3) || fraction == 0 || digits.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return negative ? -value : value;
    }
}
