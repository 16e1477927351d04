using System.Text.Json;
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
    /// <summary>The generic profile: every field from the column of its own name.</summary>
    public static MappingFile Identity(KindSchema schema) =>
        new(schema.Kind, null, null, null, schema.Fields.ToDictionary(f => f.Name, f => new FieldBinding { Column = f.Name }));

    public static MappingFile Parse(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            IngestKind? kind = null;
            if (Text(root, "kind") is { } kindName)
            {
                kind = IngestKinds.TryParse(kindName, out var k) ? k : throw Invalid(origin, $"unknown kind '{kindName}' (one of {string.Join(", ", IngestKinds.Names)})");
            }
            var delimiter = Text(root, "delimiter") switch
            {
                null => (char?)null,
                "\\t" or "tab" => '\t',
                { Length: 1 } d => d[0],
                var d => throw Invalid(origin, $"delimiter must be one character, not '{d}'"),
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
                    JsonValueKind.Object => Binding(field.Value, origin, field.Name),
                    _ => throw Invalid(origin, $"field '{field.Name}' must be a column name or an object"),
                };
            }
            return new MappingFile(kind, Text(root, "source"), Text(root, "timezone"), delimiter, bindings);
        }
        catch (JsonException e)
        {
            throw Invalid(origin, e.Message);
        }
    }

    /// <summary>Checks the bindings against a kind; returns the per-field rules the validator needs.</summary>
    public IReadOnlyList<FieldRule> RulesFor(KindSchema schema, string origin)
    {
        var unknown = Fields.Keys.Where(k => !schema.FieldIndex.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid(origin, $"unknown field(s) for {schema.Kind.Name()}: {string.Join(", ", unknown)} (fields: {string.Join(", ", schema.Fields.Select(f => f.Name))})");
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

    private static FieldBinding Binding(JsonElement e, string origin, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (e.TryGetProperty("values", out var map))
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(origin, $"field '{name}': values must be an object of source value -> value");
            }
            foreach (var v in map.EnumerateObject())
            {
                values[v.Name.Trim()] = v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString()! : v.Value.GetRawText();
            }
        }
        var minutes = Text(e, "minutes_after");
        var hours = Text(e, "hours_after");
        var binding = new FieldBinding
        {
            Column = Text(e, "column"),
            Constant = e.TryGetProperty("value", out var constant) ? (constant.ValueKind == JsonValueKind.String ? constant.GetString() : constant.GetRawText()) : null,
            Values = values,
            Format = Text(e, "format"),
            Default = Text(e, "default"),
            OffsetFrom = minutes ?? hours,
            OffsetSeconds = hours is not null ? 3600 : 60,
        };
        if (binding.Column is null == binding.Constant is null)
        {
            throw Invalid(origin, $"field '{name}' needs either \"column\" or \"value\"");
        }
        return binding;
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IngestUsageException Invalid(string origin, string why) => new($"mapping file {origin}: {why}");
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
