using NodaTime;
using SupportLens.Ingest.Loading;
using SupportLens.Ingest.Profiles;
using SupportLens.Storage;

namespace SupportLens.Ingest;

/// <summary>
/// Loads export files into the warehouse, one transaction per file: records stream from the file through a profile
/// and validation into staging (appender), bad rows into quarantine, then one merge. Several files of one request go
/// through one <see cref="IngestSession"/> (<see cref="Open"/>), which pays the setup once.
/// </summary>
public sealed class Ingestor(Warehouse warehouse, TimeProvider time)
{
    /// <summary>How often (in records) <c>progress</c> hears how far a file has got.</summary>
    public const int ProgressInterval = 100_000;

    /// <summary>Resolves the profile and time zone of a request, so bad usage fails before any file is touched.</summary>
    public static void Check(IngestRequest request)
    {
        var profile = Profile.Resolve(request.Profile, request.Kind, request.Source);
        Zone(request.TimeZone ?? profile.Csv?.TimeZone);
    }

    /// <summary>
    /// DuckDB's memory limit while files load (DuckDB's own default is 80% of RAM). Staging and merging a large file
    /// spill to the database's temp directory (<c>DATA/supportlens.duckdb.tmp</c>) beyond it, so a large file loads in
    /// bounded memory; null leaves the limit as it is.
    /// </summary>
    public string? MemoryLimit { get; init; } = DefaultMemoryLimit;

    public const string DefaultMemoryLimit = "1536MB";

    /// <summary>Loads one file (a session of one).</summary>
    public IngestReport Ingest(string path, IngestRequest request, Action<long>? progress = null)
    {
        using var session = Open(request);
        return session.Ingest(path, progress);
    }

    /// <summary>A session for the files of one request; throws <see cref="IngestUsageException"/> for bad usage.</summary>
    public IngestSession Open(IngestRequest request) => new(warehouse, time, request, MemoryLimit);

    /// <summary>The latest batches, oldest first.</summary>
    public IReadOnlyList<IngestBatch> Batches(int limit = 50)
    {
        using var connection = warehouse.OpenConnection();
        return BatchLog.List(connection, limit);
    }

    /// <summary>The quarantined rows of a batch by line, or null when there is no such batch.</summary>
    public IReadOnlyList<IngestError>? Quarantined(long batchId, int limit = 10_000)
    {
        using var connection = warehouse.OpenConnection();
        return BatchLog.Exists(connection, batchId) ? BatchLog.Errors(connection, batchId, limit) : null;
    }

    internal static DateTimeZone Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return DateTimeZone.Utc;
        }
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim())
               ?? throw new IngestUsageException($"unknown time zone '{Echo.Value(id)}' (use an IANA name such as America/New_York)");
    }
}
