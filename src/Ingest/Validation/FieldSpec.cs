namespace SupportLens.Ingest.Validation;

internal enum FieldType
{
    Text,
    Enum,
    Timestamp,
    Date,
    Integer,
    Decimal,
    Double,
    Boolean,
    /// <summary>1..5 or good|bad; becomes the columns score and good.</summary>
    CsatScore,
    /// <summary>`*` or ids separated by `;`; becomes affects_all plus rows of incident_clients.</summary>
    ClientList,
    /// <summary>One name or several separated by `;`; the column holds the first, the staged list all of them (incident components).</summary>
    NameList,
}

/// <summary>One input field of a kind, as DESIGN.md §3 lists it.</summary>
internal sealed record FieldSpec(string Name, FieldType Type, bool Required = false)
{
    public IReadOnlyList<string> Values { get; init; } = [];

    public long Min { get; init; } = long.MinValue;

    public long Max { get; init; } = long.MaxValue;

    /// <summary>Stored when the field is empty (the table's default, which a staged NULL would override).</summary>
    public string? Default { get; init; }

    /// <summary>The field may be missing when this other field is present (csat: client_id comes from the ticket).</summary>
    public string? RequiredUnless { get; init; }
}
