using System.Text.Json;
using System.Text.RegularExpressions;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Profiles;

/// <summary>
/// How the columns of some export become the fields of a kind (README "Mapping files"): per field a source column or a
/// constant, a date format, a map of values, a default, or a number of minutes/hours after another timestamp; plus
/// the export's time zone, separator and source name. The vendor CSV profiles are mapping files too (Builtin/).
/// </summary>
internal sealed record MappingFile(
    IngestKind? Kind, string? Source, string? TimeZone, char? Delimiter, IReadOnlyDictionary<string, FieldBinding> Fields)
{
    private static readonly string[] TopKeys = ["kind", "source", "timezone", "delimiter", "fields", "filters"];
    private static readonly string[] FieldKeys = ["column", "value", "format", "values", "default", "minutes_after", "hours_after"];
    private static readonly string[] FilterKeys = ["column", "equals", "matches"];

    /// <summary>Rows to keep, all of which must hold (README "Mapping files"); rows they drop are counted, not quarantined.</summary>
    public IReadOnlyList<RowFilter> Filters { get; init; } = [];

    /// <summary>The generic profile: every field from the column of its own name.</summary>
    public static MappingFile Identity(KindSchema schema) =>
        new(schema.Kind, null, null, null, schema.Fields.ToDictionary(f => f.Name, f => new FieldBinding { Column = f.Name }));

    public static MappingFile Parse(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(origin, "it must be a JSON object with \"fields\" (and kind, source, timezone, delimiter, filters)");
            }
            CheckKeys(root, "", TopKeys, "a mapping file", origin);
            IngestKind? kind = null;
            if (Text(root, "kind", "kind", origin) is { } kindName)
            {
                kind = IngestKinds.TryParse(kindName, out var k) ? k
                    : throw Invalid(origin, $"unknown kind '{Echo.Value(kindName)}'{NearestName.DidYouMean(kindName, IngestKinds.Names)} (one of {string.Join(", ", IngestKinds.Names)})");
            }
            var delimiter = Text(root, "delimiter", "delimiter", origin) switch
            {
                null => (char?)null,
                "\\t" or "tab" => '\t',
                { Length: 1 } d => d[0],
                var d => throw Invalid(origin, $"delimiter must be one character, not '{Echo.Value(d)}'"),
            };
            if (!root.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(origin, "it needs a \"fields\" object: field name -> source column or {column, format, values, value, default, minutes_after, hours_after}");
            }
            var bindings = new Dictionary<string, FieldBinding>(StringComparer.Ordinal);
            foreach (var field in fields.EnumerateObject())
            {
                bindings[field.Name] = field.Value.ValueKind switch
                {
                    JsonValueKind.String => new FieldBinding { Column = field.Value.GetString() },
                    JsonValueKind.Object => Binding(field.Value, origin, $"fields.{field.Name}"),
                    _ => throw Invalid(origin, $"'fields.{field.Name}' must be a column name or an object"),
                };
            }
            return new MappingFile(kind, Text(root, "source", "source", origin), Text(root, "timezone", "timezone", origin), delimiter, bindings)
            {
                Filters = ReadFilters(root, origin),
            };
        }
        catch (JsonException e)
        {
            throw Invalid(origin, e.Message);
        }
    }

    /// <summary>Checks the bindings against a kind; returns the per-field rules the validator needs.</summary>
    public IReadOnlyList<FieldRule> RulesFor(KindSchema schema, string origin)
    {
        var names = schema.Fields.Select(f => f.Name).ToList();
        var unknown = Fields.Keys.Where(k => !schema.FieldIndex.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid(origin, string.Join("; ", unknown.Select(u => $"unknown field 'fields.{Echo.Value(u)}' for {schema.Kind.Name()}{NearestName.DidYouMean(u, names)}")) +
                                  $" (the fields of {schema.Kind.Name()}: {string.Join(", ", names)})");
        }
        return schema.Fields.Select(f =>
        {
            if (!Fields.TryGetValue(f.Name, out var b))
            {
                return FieldRule.None;
            }
            if (b.OffsetFrom is { } from && (!schema.FieldIndex.TryGetValue(from, out var fromIndex) || schema.Fields[fromIndex].Type != FieldType.Timestamp || f.Type != FieldType.Timestamp))
            {
                throw Invalid(origin, $"field '{f.Name}': minutes_after/hours_after must name a timestamp field and be used on one");
            }
            return new FieldRule(b.Format, b.OffsetFrom, b.OffsetSeconds);
        }).ToList();
    }

    private static FieldBinding Binding(JsonElement e, string origin, string path)
    {
        CheckKeys(e, path, FieldKeys, "a field object", origin);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (e.TryGetProperty("values", out var map))
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(origin, $"'{path}.values' must be an object of source value -> value");
            }
            foreach (var v in map.EnumerateObject())
            {
                values[v.Name.Trim()] = Scalar(v.Value, $"{path}.values.{v.Name}", origin)!;
            }
        }
        var minutes = Text(e, "minutes_after", $"{path}.minutes_after", origin);
        var hours = Text(e, "hours_after", $"{path}.hours_after", origin);
        var binding = new FieldBinding
        {
            Column = Text(e, "column", $"{path}.column", origin),
            Constant = e.TryGetProperty("value", out var constant) ? Scalar(constant, $"{path}.value", origin) : null,
            Values = values,
            Format = Text(e, "format", $"{path}.format", origin),
            Default = e.TryGetProperty("default", out var fallback) ? Scalar(fallback, $"{path}.default", origin) : null,
            OffsetFrom = minutes ?? hours,
            OffsetSeconds = hours is not null ? 3600 : 60,
        };
        if (binding.Column is null == binding.Constant is null)
        {
            throw Invalid(origin, $"'{path}' needs either \"column\" or \"value\"");
        }
        return binding;
    }

    private static IReadOnlyList<RowFilter> ReadFilters(JsonElement root, string origin)
    {
        if (!root.TryGetProperty("filters", out var filters))
        {
            return [];
        }
        if (filters.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(origin, "'filters' must be a list of {column, equals | matches}");
        }
        var list = new List<RowFilter>();
        var index = 0;
        foreach (var filter in filters.EnumerateArray())
        {
            var path = $"filters[{index++}]";
            if (filter.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(origin, $"'{path}' must be an object {{column, equals | matches}}");
            }
            CheckKeys(filter, path, FilterKeys, "a filter", origin);
            var column = Text(filter, "column", $"{path}.column", origin) ?? throw Invalid(origin, $"'{path}' needs a \"column\"");
            IReadOnlyList<string>? equals = null;
            if (filter.TryGetProperty("equals", out var e))
            {
                equals = e.ValueKind == JsonValueKind.Array
                    ? e.EnumerateArray().Select((v, i) => Scalar(v, $"{path}.equals[{i}]", origin)!).ToList()
                    : [Scalar(e, $"{path}.equals", origin)!];
            }
            var pattern = Text(filter, "matches", $"{path}.matches", origin);
            if (equals is null == pattern is null)
            {
                throw Invalid(origin, $"'{path}' needs either \"equals\" (a value or a list of values) or \"matches\" (a regular expression)");
            }
            Regex? regex = null;
            if (pattern is not null)
            {
                try
                {
                    regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException x)
                {
                    throw Invalid(origin, $"'{path}.matches' is not a valid regular expression: {Echo.Value(x.Message)}");
                }
            }
            list.Add(new RowFilter(column, equals, regex));
        }
        return list;
    }

    /// <summary>Refuses a key that is not one of <paramref name="keys"/>, naming its path and the key it is most likely a typo of.</summary>
    private static void CheckKeys(JsonElement e, string path, string[] keys, string what, string origin)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (!keys.Contains(property.Name, StringComparer.Ordinal))
            {
                var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                throw Invalid(origin, $"unknown key '{Echo.Value(at)}'{NearestName.DidYouMean(property.Name, keys)} ({what} takes: {string.Join(", ", keys)})");
            }
        }
    }

    private static string? Text(JsonElement e, string property, string path, string origin)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Invalid(origin, $"'{path}' must be text, not {v.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static string? Scalar(JsonElement v, string path, string origin) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw Invalid(origin, $"'{Echo.Value(path)}' must be a value (text or number), not an {v.ValueKind.ToString().ToLowerInvariant()}"),
    };

    private static IngestUsageException Invalid(string origin, string why) => new($"mapping file {Echo.Value(origin)}: {why}");
}

/// <summary>Keep a row only when its <see cref="Column"/> equals one of <see cref="Values"/> (ignoring case and surrounding spaces) or matches <see cref="Pattern"/>.</summary>
internal sealed record RowFilter(string Column, IReadOnlyList<string>? Values, Regex? Pattern)
{
    public bool Keeps(string? value)
    {
        var text = value?.Trim() ?? "";
        return Values is not null
            ? Values.Any(v => string.Equals(v.Trim(), text, StringComparison.OrdinalIgnoreCase))
            : Pattern!.IsMatch(text);
    }
}

/// <summary>Where one field of a kind comes from in an export.</summary>
internal sealed record FieldBinding
{
    public string? Column { get; init; }

    public string? Constant { get; init; }

    /// <summary>Source value -> value, matched ignoring case and surrounding spaces; values not listed pass through.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    public string? Format { get; init; }

    public string? Default { get; init; }

    public string? OffsetFrom { get; init; }

    public double OffsetSeconds { get; init; } = 60;

    public string? Apply(string? raw)
    {
        var value = Constant ?? raw;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }
        return Values.Count > 0 && Values.TryGetValue(value.Trim(), out var mapped) ? mapped : value;
    }
}
