using System.Globalization;
using System.Text.Json;

namespace SupportLens.Ingest.Profiles;

/// <summary>
/// A JSON object as flat text fields: nested objects by dotted path (<c>via.channel</c>), arrays of scalars joined
/// with <c>;</c> (affected_clients), anything else as its JSON text. Mapping files name these paths as columns.
/// </summary>
internal static class JsonFlattener
{
    public static Dictionary<string, string?> Flatten(JsonElement element)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
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
            string.Join(";", value.EnumerateArray().Select(Scalar)),
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

    private static void Add(Dictionary<string, string?> fields, string prefix, JsonElement element)
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
                fields[name] = Scalar(property.Value);
            }
        }
    }
}
