using SupportLens.Ingest;

namespace SupportLens.Web.Presentation;

/// <summary>
/// What `ingest --json` prints per file and <c>POST /api/ingest</c> answers per file (DESIGN.md §7 fields first, then
/// status and merge counts).
/// </summary>
internal sealed record IngestDocument(
    long? BatchId,
    string Kind,
    string File,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsFiltered,
    IReadOnlyList<IngestError> Errors,
    string Profile,
    string Status,
    long RowsInserted,
    long RowsUpdated,
    long DurationMs,
    string? Message)
{
    internal static IngestDocument Build(IngestReport r) => new(
        r.BatchId, r.Kind, r.File, r.RowsRead, r.RowsLoaded, r.RowsRejected, r.RowsFiltered, r.Errors, r.Profile, r.Status, r.RowsInserted, r.RowsUpdated,
        r.DurationMs, r.Message);
}
