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
/// Loads the files of one request, one after another, one batch and one transaction per file. What does not change from
/// file to file is done once: the profile and time zone resolved, one connection with its memory limit, the stored
/// clients read, the staging tables created and the appenders' tables described. Many small files then cost their own
/// rows and a few statements each. Killing the process mid-file leaves the database as it was before that file.
/// </summary>
public sealed class IngestSession : IDisposable
{
    private readonly TimeProvider _time;
    private readonly IngestRequest _request;
    private readonly KindSchema _schema;
    private readonly Profile _profile;
    private readonly DateTimeZone _zone;
    private readonly WarehouseConnection _connection;
    private readonly MemoryBound _memory;
    private readonly SmallFileThreads _threads;
    private readonly LoadTarget _target;

    internal IngestSession(Warehouse warehouse, TimeProvider time, IngestRequest request, string? memoryLimit)
    {
        _time = time;
        _request = request;
        _schema = KindSchema.For(request.Kind);
        _profile = Profile.Resolve(request.Profile, request.Kind, request.Source);
        _zone = Ingestor.Zone(request.TimeZone ?? _profile.Csv?.TimeZone);
        _connection = warehouse.OpenConnection();
        try
        {
            _memory = MemoryBound.Apply(_connection, memoryLimit);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
        _threads = new SmallFileThreads(_connection);
        _target = new LoadTarget(_connection, _schema);
    }

    public IngestReport Ingest(string path, Action<long>? progress = null)
    {
        var started = _time.GetUtcNow();
        var clock = _time.GetTimestamp();
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
            return new IngestReport(null, _request.Kind.Name(), _profile.Name, shown, IngestReport.RejectedStatus, 0, 0, 0, 0, 0, 0, why, [new IngestError(0, null, null, why)]);
        }

        if (input.Damage is { } damage)
        {
            return Rejected(input, started, clock, 0, 0, damage, [new IngestError(0, null, null, damage)]);
        }

        _threads.Before(small: input.Bytes < RowPipeline.ParallelBytes);
        // Straight into the table while no row names a stored id (or one twice); else staged and merged.
        var direct = !_request.Strict && _target.DirectColumns is not null;
        while (true)
        {
            try
            {
                return Load(direct, shown, input, started, clock, progress);
            }
            catch (DirectLoadFailed)
            {
                // A key twice in the file or one already stored: the staged load merges it (and explains anything else).
                direct = false;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _threads.Dispose();
            _memory.Dispose();
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private IngestReport Load(bool direct, string file, InputFile input, DateTimeOffset started, long clock, Action<long>? progress)
    {
        if (!direct)
        {
            _target.PrepareStage();
        }
        var transaction = _connection.BeginTransaction();
        try
        {
            var batchId = BatchLog.NextId(_connection);
            using var records = _profile.Open(_schema, input, _request.Delimiter);
            var validator = new RowValidator(_schema, records.ColumnNames, records.Rules, new TimestampParser(_zone));
            var judge = new RecordJudge(_schema, validator, _target.Clients, records.ColumnNames);
            long read = 0, rejected = 0, filtered = 0;
            StageSummary staged;
            using (var staging = new Staging(_target, _profile.Source, batchId, direct))
            using (var quarantine = new Quarantine(_target, batchId))
            {
                var nextProgress = Ingestor.ProgressInterval;
                try
                {
                    RowPipeline.Run(records.Records(), judge.Judge, chunk =>
                    {
                        foreach (var error in chunk.Errors)
                        {
                            quarantine.Add(error);
                        }
                        foreach (var row in chunk.Rows)
                        {
                            staging.Append(row);
                        }
                        read += chunk.Read;
                        rejected += chunk.Rejected;
                        filtered += chunk.Filtered;
                        for (; progress is not null && nextProgress <= read; nextProgress += Ingestor.ProgressInterval)
                        {
                            progress(nextProgress);
                        }
                    }, parallel: input.Bytes >= RowPipeline.ParallelBytes);
                    staging.Close();
                }
                catch (WarehouseException) when (direct)
                {
                    throw new DirectLoadFailed();
                }
                staged = staging.Summary;
                quarantine.Close();
            }
            MergeCounts counts;
            if (direct)
            {
                counts = new MergeCounts(staged.Rows, staged.Rows, 0);
            }
            else
            {
                var merger = new Merger(_target, batchId, _profile.Source, records.ColumnNames, records.Provided, validator.Derived, staged);
                rejected += merger.RejectInvalid();
                if (_request.Strict && rejected > 0)
                {
                    var bad = BatchLog.Errors(_connection, batchId, IngestReport.MaxErrors);
                    transaction.Rollback();
                    var message = $"--strict: {rejected} bad row(s), nothing loaded";
                    return Rejected(input, started, clock, read, rejected, message, bad);
                }
                counts = merger.Merge();
                Staging.Clear(_connection, staged);
            }
            var duration = (long)_time.GetElapsedTime(clock).TotalMilliseconds;
            // Rows were there and none of them loaded: a script must not take that for a load.
            var listed = rejected > 0 ? BatchLog.Errors(_connection, batchId, IngestReport.MaxErrors) : [];
            var (status, note) = rejected > 0 && counts.Staged == 0
                ? (IngestReport.AllRejected, $"every row was rejected ({rejected} of {read}): nothing loaded; see the errors or `supportlens ingest quarantine {batchId}`{WrongShape(listed)}")
                : (IngestReport.LoadedStatus, (string?)null);
            // How the file was read (e.g. not UTF-8) is worth knowing whatever became of its rows.
            note = input.Note is null ? note : note is null ? input.Note : $"{note}; {input.Note}";
            BatchLog.Write(_connection, _target.Layout(BatchLog.Table), new BatchEntry(batchId, _request.Kind.Name(), _profile.Name, file, input.Sha256, started, _time.GetUtcNow(),
                duration, status, read, counts.Staged, rejected, filtered, note));
            Commit(transaction, direct);
            if (counts.Inserted > 0)
            {
                _target.Inserted(_profile.Source);
            }
            return new IngestReport(batchId, _request.Kind.Name(), _profile.Name, file, status, read, counts.Staged, rejected,
                counts.Inserted, counts.Updated, duration, note, listed) { RowsFiltered = filtered };
        }
        catch (DirectLoadFailed)
        {
            if (transaction.IsOpen)
            {
                transaction.Rollback();
            }
            throw;
        }
        catch (Exception e) when (e is FileRejectedException or InvalidDataException or CsvFormatException or DecoderFallbackException)
        {
            transaction.Rollback();
            var message = Echo.Value(e is FileRejectedException ? e.Message : $"cannot read the file: {e.Message}", Echo.MaxMessageChars);
            return Rejected(input, started, clock, 0, 0, message, [new IngestError(1, null, null, message)]);
        }
        finally
        {
            transaction.Dispose();
        }
    }

    /// <summary>A direct load whose key check DuckDB defers to the commit fails there: it is retried staged like any other.</summary>
    private static void Commit(WarehouseTransaction transaction, bool direct)
    {
        try
        {
            transaction.Commit();
        }
        catch (WarehouseException) when (direct)
        {
            throw new DirectLoadFailed();
        }
    }

    // A rejected file is still a batch: what was tried, and why it was refused, stays on record.
    private IngestReport Rejected(
        InputFile input, DateTimeOffset started, long clock, long read, long rejected, string message, IReadOnlyList<IngestError> errors)
    {
        using var transaction = _connection.BeginTransaction();
        var file = Echo.Value(input.Path);
        message = Echo.Value(message, Echo.MaxMessageChars);
        var batchId = BatchLog.NextId(_connection);
        var duration = (long)_time.GetElapsedTime(clock).TotalMilliseconds;
        BatchLog.Write(_connection, _target.Layout(BatchLog.Table), new BatchEntry(batchId, _request.Kind.Name(), _profile.Name, file, input.Sha256, started, _time.GetUtcNow(),
            duration, IngestReport.RejectedStatus, read, 0, rejected, 0, message));
        BatchLog.AddErrors(_connection, batchId, errors);
        transaction.Commit();
        return new IngestReport(batchId, _request.Kind.Name(), _profile.Name, file, IngestReport.RejectedStatus, read, 0, rejected, 0, 0, duration, message, errors);
    }

    /// <summary>A direct load hit a constraint (a key twice in the file, or one already stored): it was rolled back, to be staged instead.</summary>
    private sealed class DirectLoadFailed : Exception;

    /// <summary>
    /// When no row carried any field the profile requires, the file is another kind of export (a monitoring summary
    /// given as checks, say) or needs its own profile: say so, rather than leave the user to read the same error per row.
    /// </summary>
    private string WrongShape(IReadOnlyList<IngestError> errors)
    {
        const string Required = " is required";
        if (errors.Count == 0 || !errors.All(e => e.Column is not null && e.Reason == e.Column + Required))
        {
            return "";
        }

        var missing = string.Join(", ", errors.Select(e => e.Column!).Distinct(StringComparer.Ordinal));
        return $". No row has {missing}: is this a {_request.Kind.Name()} export, or does it need --profile NAME or a mapping file (README, Mapping files)?";
    }
}
