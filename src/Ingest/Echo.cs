using System.Globalization;
using System.Text;

namespace SupportLens.Ingest;

/// <summary>
/// How a value that came from a file (a header, a field, a column name, a file name) is shown back in messages, in
/// <c>--json</c>, in the batch log and in quarantine: at most <see cref="MaxChars"/> characters, then
/// "… (N more bytes)", with control and invisible formatting characters written as <c>\uXXXX</c>. A 50 MB line without
/// a newline, or binary bytes read as text, must never reach a terminal or a table whole.
/// </summary>
public static class Echo
{
    public const int MaxChars = 200;

    /// <summary>Longer limit for whole messages, which may quote a few capped values.</summary>
    public const int MaxMessageChars = 2000;

    /// <summary>The value as it may be echoed: capped and escaped; unchanged when it is short and plain.</summary>
    public static string Value(string text, int maxChars = MaxChars)
    {
        if (text.Length <= maxChars && !text.Any(Escaped))
        {
            return text;
        }
        var cut = Math.Min(text.Length, maxChars);
        if (cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        var shown = new StringBuilder(cut + 32);
        for (var i = 0; i < cut; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut && char.IsLowSurrogate(text[i + 1]))
            {
                shown.Append(c).Append(text[++i]);
            }
            else if (Escaped(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }
        if (cut < text.Length)
        {
            shown.Append(CultureInfo.InvariantCulture, $"… ({Encoding.UTF8.GetByteCount(text.AsSpan(cut))} more bytes)");
        }
        return shown.ToString();
    }

    public static string? Maybe(string? text, int maxChars = MaxChars) => text is null ? null : Value(text, maxChars);

    /// <summary>Names joined with ", ", each echoed, the whole list cut after <see cref="MaxChars"/> characters with a count of what is left.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        var shown = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (shown.Length >= MaxChars)
            {
                return shown.Append(CultureInfo.InvariantCulture, $"… ({names.Count - i} more)").ToString();
            }
            shown.Append(i == 0 ? "" : ", ").Append(Value(names[i], Math.Max(20, MaxChars - shown.Length)));
        }
        return shown.ToString();
    }

    /// <summary>The same rule as <see cref="Value"/> as a DuckDB expression over a VARCHAR <paramref name="expression"/>, for values quarantined in SQL.</summary>
    internal static string Sql(string expression)
    {
        var head = $"left({expression}, {MaxChars})";
        var escaped = head;
        foreach (var c in Enumerable.Range(1, 31).Concat(Enumerable.Range(127, 33)))
        {
            escaped = string.Create(CultureInfo.InvariantCulture, $"replace({escaped}, chr({c}), '\\u{c:X4}')");
        }
        return $"CASE WHEN {expression} IS NULL THEN NULL ELSE {escaped} || CASE WHEN length({expression}) > {MaxChars} " +
               $"THEN '… (' || (strlen({expression}) - strlen({head})) || ' more bytes)' ELSE '' END END";
    }

    // Controls (C0, DEL, C1), invisible formatting (bidi overrides, zero-width), line/paragraph separators, lone
    // surrogates, and the noncharacters U+FDD0..U+FDEF (how bytes that are not UTF-8 are marked while a file is read).
    private static bool Escaped(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF'
        || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
