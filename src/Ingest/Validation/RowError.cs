namespace SupportLens.Ingest.Validation;

/// <summary>Why one row cannot be loaded: where it is (line as an editor counts it, header = 1), which column, what value.</summary>
internal sealed record RowError(long Line, string? Column, string? Value, string Reason)
{
    /// <summary>Values go into quarantine and JSON output: a runaway or binary field must make neither huge nor unprintable.</summary>
    public static RowError Of(long line, string? column, string? value, string reason) =>
        new(line, Echo.Maybe(column), Echo.Maybe(value), Echo.Value(reason, Echo.MaxMessageChars));
}

/// <summary>A valid row: one value per staged column (see <see cref="KindSchema.Columns"/>), plus the clients an incident hit and its components.</summary>
internal sealed record StageRow(long Line, object?[] Values, IReadOnlyList<string>? Clients)
{
    public IReadOnlyList<string>? Components { get; init; }
}

/// <summary>How a profile asks for one field to be read: an explicit date format, or minutes/hours after another timestamp.</summary>
internal sealed record FieldRule(string? Format = null, string? OffsetFrom = null, double OffsetSeconds = 0)
{
    public static readonly FieldRule None = new();
}
