using System.Reflection;
using SupportLens.Ingest.Readers;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Profiles;

/// <summary>
/// How one profile reads one kind: a mapping for CSV (null when the vendor has no CSV of it), a converter for JSON
/// (null when it has no JSON of it), and the source name its rows are keyed under.
/// </summary>
internal sealed record Profile(
    string Name,
    string Source,
    MappingFile? Csv,
    MappingFile? Json,
    IReadOnlySet<string> JsonWrappers,
    Func<IEnumerable<(JsonRecord? Record, RowError? Error)>, IEnumerable<ConvertedRecord>>? Convert)
{
    public const string Generic = "generic";

    /// <summary>Whether JSON records are read as flat fields by the mapping's names (generic and mapping files), not by a vendor converter.</summary>
    public bool FlatJson { get; init; }

    public static readonly IReadOnlyList<string> BuiltIn = ["generic", "zendesk", "freshdesk", "statuspage"];

    /// <summary>A built-in profile by name, or a mapping file by path.</summary>
    public static Profile Resolve(string? nameOrPath, IngestKind kind, string? sourceOverride)
    {
        var schema = KindSchema.For(kind);
        var name = string.IsNullOrWhiteSpace(nameOrPath) ? Generic : nameOrPath.Trim();
        var identity = MappingFile.Identity(schema);
        var flatten = (Func<IEnumerable<(JsonRecord?, RowError?)>, IEnumerable<ConvertedRecord>>)(records =>
            VendorJson.Each(records, r => new ConvertedRecord(r.Line, JsonFlattener.Flatten(r.Element), null)));
        // Generic JSON may come as {"tickets": [...]} too: the table's and the kind's names are wrapper names.
        var genericWrappers = new HashSet<string> { schema.Table, kind.Name(), kind.Name().Replace('-', '_'), "data", "records" };
        Profile? profile = (name.ToLowerInvariant(), kind) switch
        {
            ("generic", _) => new(Generic, Generic, identity, identity, genericWrappers, flatten) { FlatJson = true },
            ("zendesk", IngestKind.Tickets) => new("zendesk", "zendesk", Builtin("zendesk-tickets", schema), identity, ZendeskJson.TicketWrappers, ZendeskJson.Tickets),
            ("zendesk", IngestKind.Csat) => new("zendesk", "zendesk", null, identity, ZendeskJson.RatingWrappers, ZendeskJson.Ratings),
            ("freshdesk", IngestKind.Tickets) => new("freshdesk", "freshdesk", Builtin("freshdesk-tickets", schema), identity, FreshdeskJson.Wrappers, FreshdeskJson.Tickets),
            ("freshdesk", IngestKind.Csat) => new("freshdesk", "freshdesk", null, identity, FreshdeskJson.Wrappers, FreshdeskJson.SatisfactionRatings),
            ("statuspage", IngestKind.Incidents) => new("statuspage", "statuspage", null, identity, StatuspageJson.Wrappers, StatuspageJson.Incidents),
            _ => null,
        };
        if (profile is null && BuiltIn.Contains(name.ToLowerInvariant()))
        {
            throw new IngestUsageException($"the {name} profile does not read {kind.Name()} (it reads: {string.Join(", ", KindsOf(name))})");
        }
        if (profile is null)
        {
            profile = FromMappingFile(name, kind, schema, genericWrappers, flatten);
        }
        return sourceOverride is { Length: > 0 } source ? profile with { Source = source } : profile;
    }

    private static Profile FromMappingFile(
        string path, IngestKind kind, KindSchema schema, IReadOnlySet<string> wrappers,
        Func<IEnumerable<(JsonRecord?, RowError?)>, IEnumerable<ConvertedRecord>> flatten)
    {
        if (!File.Exists(path))
        {
            // A name with a folder or a .json ending was meant as a mapping file; anything else as a built-in profile.
            var meantAsPath = path.Contains('/') || path.Contains('\\') || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            throw new IngestUsageException(meantAsPath
                ? $"file not found: {Echo.Value(path)}"
                : $"unknown profile '{Echo.Value(path)}'{NearestName.DidYouMean(path, BuiltIn)}: use {string.Join(", ", BuiltIn)}, or the path of a mapping file (.json)");
        }
        var mapping = MappingFile.Parse(File.ReadAllText(path), path);
        if (mapping.Kind is { } mapped && mapped != kind)
        {
            throw new IngestUsageException($"mapping file {path} is for {mapped.Name()}, not {kind.Name()}");
        }
        mapping.RulesFor(schema, path);
        var source = mapping.Source ?? Path.GetFileNameWithoutExtension(path);
        return new Profile($"mapping:{Path.GetFileName(path)}", source, mapping, mapping, wrappers, flatten) { FlatJson = true };
    }

    private static MappingFile Builtin(string name, KindSchema schema)
    {
        using var stream = typeof(Profile).Assembly.GetManifestResourceStream($"profiles/{name}.json")
            ?? throw new InvalidOperationException($"the built-in profile {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        var mapping = MappingFile.Parse(reader.ReadToEnd(), name);
        mapping.RulesFor(schema, name);
        return mapping;
    }

    private static IEnumerable<string> KindsOf(string profile) => profile.ToLowerInvariant() switch
    {
        "zendesk" or "freshdesk" => ["tickets", "csat"],
        "statuspage" => ["incidents"],
        _ => IngestKinds.Names,
    };

    /// <summary>Opens a file with this profile; throws <see cref="FileRejectedException"/> for a format it does not read.</summary>
    public RecordStream Open(KindSchema schema, InputFile file, char? separator)
    {
        switch (file.Format)
        {
            case InputFormat.Csv when Csv is not null:
                return RecordStream.OpenCsv(schema, Csv, file, separator);
            case InputFormat.Json when Json is not null && Convert is not null:
                return RecordStream.OpenJson(schema, Json, file, JsonWrappers, Convert, FlatJson);
            case InputFormat.Empty:
                throw new FileRejectedException("the file is empty: expected a CSV header or JSON");
            default:
                throw new FileRejectedException($"the {Name} profile reads {schema.Kind.Name()} from {(Csv is null ? "JSON" : "CSV")}, and this file is {file.Format.ToString().ToUpperInvariant()}");
        }
    }
}
