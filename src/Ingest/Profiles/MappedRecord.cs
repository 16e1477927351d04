using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Profiles;

/// <summary>A record of a file in the fields of its kind (one text per <see cref="KindSchema.Fields"/> entry), or why it has none.</summary>
internal readonly record struct MappedRecord(long Line, string?[]? Fields, RowError? Error);

/// <summary>A vendor record converted to generic field names, or the reason it cannot be.</summary>
internal readonly record struct ConvertedRecord(long Line, IReadOnlyDictionary<string, string?>? Fields, RowError? Error)
{
    public static ConvertedRecord Fail(long line, string? column, string reason) => new(line, null, RowError.Of(line, column, null, reason));
}
