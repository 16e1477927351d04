namespace SupportLens.Ingest;

/// <summary>How to read the files of one `ingest` command.</summary>
public sealed record IngestRequest(IngestKind Kind)
{
    /// <summary>generic (default), zendesk, freshdesk, statuspage, or the path of a mapping file.</summary>
    public string? Profile { get; init; }

    /// <summary>IANA zone for naive timestamps; default the mapping file's, else UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Fail the file (load nothing) on any bad row.</summary>
    public bool Strict { get; init; }

    /// <summary>The source rows are keyed under; default the profile's name (or the mapping file's source).</summary>
    public string? Source { get; init; }

    /// <summary>CSV separator; default detected (, ; tab |).</summary>
    public char? Delimiter { get; init; }
}

/// <summary>One rejected row (or, with line 1 and no column, the reason a whole file was rejected).</summary>
public sealed record IngestError(long Line, string? Column, string? Value, string Reason);

/// <summary>What ingesting one file did (DESIGN.md §7 `ingest --json`, plus status and merge counts).</summary>
public sealed record IngestReport(
    long? BatchId,
    string Kind,
    string Profile,
    string File,
    string Status,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsInserted,
    long RowsUpdated,
    long DurationMs,
    string? Message,
    IReadOnlyList<IngestError> Errors)
{
    /// <summary>Errors listed here are the first ones by line; the quarantine table holds them all.</summary>
    public const int MaxErrors = 1000;

    /// <summary>The file loaded (some rows may be in quarantine).</summary>
    public const string LoadedStatus = "loaded";

    /// <summary>The file had rows and every one of them was rejected: nothing loaded, though the file was readable.</summary>
    public const string AllRejected = "all_rejected";

    /// <summary>The file was refused whole (unreadable, damaged, a bad header, --strict).</summary>
    public const string RejectedStatus = "rejected";

    public bool Loaded => Status == LoadedStatus;

    /// <summary>Rows a mapping file's filters left out (counted in <see cref="RowsRead"/>, neither loaded nor rejected).</summary>
    public long RowsFiltered { get; init; }
}

/// <summary>One row of ingest_batches.</summary>
public sealed record IngestBatch(
    long BatchId, string Kind, string Profile, string File, string Sha256, DateTimeOffset StartedAt, long? DurationMs,
    long RowsRead, long RowsLoaded, long RowsRejected, string Status, string? Message)
{
    /// <summary>Rows a mapping file's filters left out.</summary>
    public long RowsFiltered { get; init; }
}
