using System.Text;
using CsvHelper;
using NodaTime;
using SupportLens.Ingest.Loading;
using SupportLens.Ingest.Profiles;
using SupportLens.Ingest.Readers;
using SupportLens.Ingest.Validation;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest;

/// <summary>
/// Loads export files into the warehouse, one transaction per file: records stream from the file through a profile
/// and validation into staging (appender), bad rows into quarantine, then one merge. Killing the process mid-file
/// leaves the database as it was before the file, since nothing commits before the end.
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
    /// DuckDB's memory limit while a file loads (DuckDB's own default is 80% of RAM). Staging and merging a large file
    /// spill to the database's temp directory (<c>DATA/supportlens.duckdb.tmp</c>) beyond it, so a large file loads in
    /// bounded memory; null leaves the limit as it is.
    /// </summary>
    public string? MemoryLimit { get; init; } = DefaultMemoryLimit;

    public const string DefaultMemoryLimit = "1536MB";

    public IngestReport Ingest(string path, IngestRequest request, Action<long>? progress = null)
    {
        var schema = KindSchema.For(request.Kind);
        var profile = Profile.Resolve(request.Profile, request.Kind, request.Source);
        var zone = Zone(request.TimeZone ?? profile.Csv?.TimeZone);
        var started = time.GetUtcNow();
        var clock = time.GetTimestamp();
        var file = Path.GetFullPath(path);
        // What reports and the batch log show of the path; the file itself is opened by its real name.
        var shown = Echo.Value(file);
        InputFile input;
        try
        {
            input = InputFile.Inspect(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var why = Directory.Exists(file) ? "it is a directory, not a file (give the files in it, e.g. DIR/*.csv)"
                : e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist"
                : $"cannot read the file: {e.Message}";
            why = Echo.Value(why, Echo.MaxMessageChars);
            return new IngestReport(null, request.Kind.Name(), profile.Name, shown, IngestReport.RejectedStatus, 0, 0, 0, 0, 0, 0, why, [new IngestError(0, null, null, why)]);
        }

        if (input.Damage is { } damage)
        {
            return Rejected(request, profile, input, started, clock, 0, 0, damage, [new IngestError(0, null, null, damage)]);
        }

        using var connection = warehouse.OpenConnection();
        using var memory = MemoryBound.Apply(connection, MemoryLimit);
        var direct = true;
        while (true)
        {
            try
            {
                return Load(connection, direct, shown, input, request, schema, profile, zone, started, clock, progress);
            }
            catch (DirectLoadFailed)
            {
                // Most likely a key twice in the file: the staged load quarantines it (and explains anything else).
                direct = false;
            }
        }
    }

    private IngestReport Load(
        WarehouseConnection connection, bool direct, string file, InputFile input, IngestRequest request, KindSchema schema,
        Profile profile, DateTimeZone zone, DateTimeOffset started, long clock, Action<long>? progress)
    {
        var transaction = connection.BeginTransaction();
        try
        {
            var batchId = BatchLog.Start(connection, request.Kind.Name(), profile.Name, file, input.Sha256, started);
            using var records = profile.Open(schema, input, request.Delimiter);
            var validator = new RowValidator(schema, records.ColumnNames, records.Rules, new TimestampParser(zone));
            var clients = ClientDirectory.Load(connection, schema);
            direct = direct && !request.Strict && Staging.CanLoadDirectly(connection, schema, profile.Source);
            long read = 0, rejected = 0, filtered = 0, loaded;
            using (var staging = new Staging(connection, schema, profile.Source, batchId, direct))
            using (var quarantine = new Quarantine(connection, batchId))
            {
                direct = staging.Direct;
                var errors = new List<RowError>();
                var clientColumn = schema.HasClientId ? records.ColumnNames[schema.FieldIndex["client_id"]] : null;
                try
                {
                    foreach (var record in records.Records())
                    {
                        if (++read % ProgressInterval == 0)
                        {
                            progress?.Invoke(read);
                        }
                        if (record.Filtered)
                        {
                            filtered++;
                            continue;
                        }
                        if (record.Error is { } error)
                        {
                            quarantine.Add(error);
                            rejected++;
                            continue;
                        }
                        errors.Clear();
                        if (validator.Validate(record.Line, record.Fields!, errors) is not { } row)
                        {
                            errors.ForEach(quarantine.Add);
                            rejected++;
                        }
                        else if (clients is not null && !clients.Resolve(row))
                        {
                            quarantine.Add(RowError.Of(row.Line, clientColumn, clients.Value(row), ClientDirectory.Unknown));
                            rejected++;
                        }
                        else
                        {
                            staging.Append(row);
                        }
                    }
                    staging.Close();
                }
                catch (WarehouseException) when (direct)
                {
                    throw new DirectLoadFailed();
                }
                loaded = staging.Rows;
                quarantine.Close();
            }
            MergeCounts counts;
            if (direct)
            {
                counts = new MergeCounts(loaded, loaded, 0);
            }
            else
            {
                var merger = new Merger(connection, schema, batchId, records.ColumnNames, records.Provided, validator.Derived);
                rejected += merger.RejectInvalid();
                if (request.Strict && rejected > 0)
                {
                    var bad = BatchLog.Errors(connection, batchId, IngestReport.MaxErrors);
                    transaction.Rollback();
                    var message = $"--strict: {rejected} bad row(s), nothing loaded";
                    return Rejected(request, profile, input, started, clock, read, rejected, message, bad);
                }
                counts = merger.Merge();
            }
            var duration = (long)time.GetElapsedTime(clock).TotalMilliseconds;
            // Rows were there and none of them loaded: a script must not take that for a load.
            var (status, note) = rejected > 0 && counts.Staged == 0
                ? (IngestReport.AllRejected, $"every row was rejected ({rejected} of {read}): nothing loaded; see the errors or `supportlens ingest quarantine {batchId}`")
                : (IngestReport.LoadedStatus, null);
            BatchLog.Finish(connection, batchId, status, read, counts.Staged, rejected, filtered, time.GetUtcNow(), duration, note);
            var listed = BatchLog.Errors(connection, batchId, IngestReport.MaxErrors);
            transaction.Commit();
            return new IngestReport(batchId, request.Kind.Name(), profile.Name, file, status, read, counts.Staged, rejected,
                counts.Inserted, counts.Updated, duration, note, listed) { RowsFiltered = filtered };
        }
        catch (DirectLoadFailed)
        {
            transaction.Rollback();
            throw;
        }
        catch (Exception e) when (e is FileRejectedException or InvalidDataException or CsvFormatException or DecoderFallbackException)
        {
            transaction.Rollback();
            var message = Echo.Value(e is FileRejectedException ? e.Message : $"cannot read the file: {e.Message}", Echo.MaxMessageChars);
            return Rejected(request, profile, input, started, clock, 0, 0, message, [new IngestError(1, null, null, message)]);
        }
        finally
        {
            transaction.Dispose();
        }
    }

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

    // A rejected file is still a batch: what was tried, and why it was refused, stays on record.
    private IngestReport Rejected(
        IngestRequest request, Profile profile, InputFile input, DateTimeOffset started, long clock, long read, long rejected,
        string message, IReadOnlyList<IngestError> errors)
    {
        using var connection = warehouse.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var file = Echo.Value(input.Path);
        message = Echo.Value(message, Echo.MaxMessageChars);
        var batchId = BatchLog.Start(connection, request.Kind.Name(), profile.Name, file, input.Sha256, started);
        var duration = (long)time.GetElapsedTime(clock).TotalMilliseconds;
        BatchLog.Finish(connection, batchId, IngestReport.RejectedStatus, read, 0, rejected, 0, time.GetUtcNow(), duration, message);
        BatchLog.AddErrors(connection, batchId, errors);
        transaction.Commit();
        return new IngestReport(batchId, request.Kind.Name(), profile.Name, file, IngestReport.RejectedStatus, read, 0, rejected, 0, 0, duration, message, errors);
    }

    /// <summary>A direct load hit a constraint (a key twice in the file): it was rolled back, to be staged instead.</summary>
    private sealed class DirectLoadFailed : Exception;

    private static DateTimeZone Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return DateTimeZone.Utc;
        }
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim())
               ?? throw new IngestUsageException($"unknown time zone '{Echo.Value(id)}' (use an IANA name such as America/New_York)");
    }
}
