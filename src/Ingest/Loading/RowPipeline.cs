using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SupportLens.Ingest.Profiles;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// A file's records judged in chunks: read, mapped and validated on a worker thread while the caller's thread (the
/// one that owns the connection) appends the chunks before them, so parsing and the database's appends overlap on two
/// cores. Chunks pass through a bounded queue, so memory holds a few chunks whatever the size of the file. Small files
/// are judged on the caller's thread: a thread is not worth starting for them.
/// </summary>
internal static class RowPipeline
{
    /// <summary>Records per chunk: enough to make handing a chunk over cheap, few enough to keep memory small.</summary>
    internal const int ChunkRecords = 512;

    /// <summary>Files of at least this many bytes are judged on a worker thread.</summary>
    internal const long ParallelBytes = 4 << 20;

    private const int QueuedChunks = 2;

    /// <summary>
    /// Judges every record (<paramref name="judge"/> returns the row to stage, or null after adding its errors) and
    /// hands the chunks to <paramref name="consume"/> in file order on the caller's thread. An exception of the reader
    /// or the judge surfaces here, as it was thrown, after the chunks before it were consumed.
    /// </summary>
    public static void Run(
        IEnumerable<MappedRecord> records, Func<MappedRecord, List<RowError>, StageRow?> judge, Action<RecordChunk> consume, bool parallel)
    {
        if (!parallel)
        {
            foreach (var chunk in Chunks(records, judge, CancellationToken.None))
            {
                consume(chunk);
            }
            return;
        }
        using var queue = new BlockingCollection<RecordChunk>(QueuedChunks);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                foreach (var chunk in Chunks(records, judge, stop.Token))
                {
                    queue.Add(chunk, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer gave up (its own error is on its way up); nothing more to read.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "ingest reader",
        };
        worker.Start();
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                consume(chunk);
            }
        }
        finally
        {
            // The reader must be done with the file before the caller disposes it.
            stop.Cancel();
            worker.Join();
        }
        failure?.Throw();
    }

    private static IEnumerable<RecordChunk> Chunks(
        IEnumerable<MappedRecord> records, Func<MappedRecord, List<RowError>, StageRow?> judge, CancellationToken stop)
    {
        var chunk = new RecordChunk();
        foreach (var record in records)
        {
            chunk.Read++;
            if (record.Filtered)
            {
                chunk.Filtered++;
            }
            else if (record.Error is { } error)
            {
                chunk.Errors.Add(error);
                chunk.Rejected++;
            }
            else if (judge(record, chunk.Errors) is { } row)
            {
                chunk.Rows.Add(row);
            }
            else
            {
                chunk.Rejected++;
            }
            if (chunk.Read == ChunkRecords)
            {
                stop.ThrowIfCancellationRequested();
                yield return chunk;
                chunk = new RecordChunk();
            }
        }
        if (chunk.Read > 0)
        {
            yield return chunk;
        }
    }
}

/// <summary>Consecutive records of a file, judged: the rows to stage in file order, the errors of the rejected ones, and counts.</summary>
internal sealed class RecordChunk
{
    public List<StageRow> Rows { get; } = new(RowPipeline.ChunkRecords);

    public List<RowError> Errors { get; } = [];

    public long Read { get; set; }

    public long Rejected { get; set; }

    public long Filtered { get; set; }
}
