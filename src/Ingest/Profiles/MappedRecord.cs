using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Profiles;

/// <summary>
/// A record of a file in the fields of its kind (one text per <see cref="KindSchema.Fields"/> entry), or why it has
/// none, or (<see cref="Filtered"/>, neither fields nor error) that a mapping file's filters leave it out.
/// </summary>
internal readonly record struct MappedRecord(long Line, string?[]? Fields, RowError? Error)
{
    public bool Filtered => Fields is null && Error is null;

    public static MappedRecord Skip(long line) => new(line, null, null);
}

/// <summary>A vendor record converted to generic field names, or the reason it cannot be.</summary>
internal readonly record struct ConvertedRecord(long Line, IReadOnlyDictionary<string, string?>? Fields, RowError? Error)
{
    public static ConvertedRecord Fail(long line, string? column, string reason) => new(line, null, RowError.Of(line, column, null, reason));
}
