using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace SupportLens.Ingest.Profiles;

/// <summary>
/// A JSON object as flat text fields: nested objects by dotted path (<c>via.channel</c>), arrays of scalars as their
/// elements joined with <see cref="ListSeparator"/> (components, affected_clients), anything else as its JSON text.
/// Mapping files name these paths as columns.
/// </summary>
internal static class JsonFlattener
{
    /// <summary>
    /// Joins the elements of a JSON list (U+001F, the unit separator): a list field splits on it instead of on <c>;</c>,
    /// so an element that holds a <c>;</c> ("API; Webhooks") stays one element.
    /// </summary>
    public const char ListSeparator = '\u001F';

    public static FlatRecord Flatten(JsonElement element)
    {
        var fields = new FlatRecord();
        Add(fields, "", element);
        return fields;
    }

    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) =>
            string.Join(ListSeparator, value.EnumerateArray().Select(Scalar)),
        _ => value.GetRawText(),
    };

    /// <summary>The text at a dotted path, or null.</summary>
    public static string? At(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return null;
            }
        }
        return Scalar(element);
    }

    private static void Add(FlatRecord fields, string prefix, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : string.Create(CultureInfo.InvariantCulture, $"{prefix}.{property.Name}");
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Add(fields, name, property.Value);
            }
            else
            {
                fields.Add(name, Scalar(property.Value));
            }
        }
    }
}

/// <summary>
/// The fields of one flattened JSON object, looked up ignoring case (as CSV headers are). A key that the object holds
/// twice, or in two spellings that differ only by case, has no single value: <see cref="Repeated"/> says so, and the
/// record is quarantined when the profile reads that key.
/// </summary>
internal sealed class FlatRecord : IReadOnlyDictionary<string, string?>
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, List<string>>? _spellings;

    public void Add(string key, string? value)
    {
        if (_values.TryGetValue(key, out _))
        {
            _spellings ??= new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            if (!_spellings.TryGetValue(key, out var seen))
            {
                seen = [_values.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))];
                _spellings[key] = seen;
            }
            seen.Add(key);
        }
        _values[key] = value;
    }

    /// <summary>Why <paramref name="key"/> has no single value in this object, or null when it has (or is absent).</summary>
    public string? Repeated(string key)
    {
        if (_spellings is null || !_spellings.TryGetValue(key.Trim(), out var seen))
        {
            return null;
        }
        var distinct = seen.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1
            ? $"the object has the key '{Echo.Value(distinct[0])}' {(seen.Count == 2 ? "twice" : $"{seen.Count} times")}"
            : $"the object has the keys {string.Join(" and ", distinct.Select(k => $"'{Echo.Value(k)}'"))} (keys are matched ignoring case)";
    }

    public string? this[string key] => _values[key.Trim()];

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<string?> Values => _values.Values;

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key.Trim());

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value) => _values.TryGetValue(key.Trim(), out value);

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
