using SupportLens.Ingest.Validation;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// Writes rejected rows of a batch to the quarantine table, in bulk, inside the file's transaction. The appender is
/// opened at the first rejected row: most files have none, and an appender costs a round trip to open and close.
/// </summary>
internal sealed class Quarantine(LoadTarget target, long batchId) : IDisposable
{
    public const string Table = "quarantine";

    private TableAppender? _appender;

    public void Add(RowError error)
    {
        _appender ??= target.Connection.CreateAppender(target.Layout(Table));
        _appender.Append(batchId).Append(error.Line).Append(error.Column).Append(error.Value).Append(error.Reason).EndRow();
    }

    public void Close() => _appender?.Complete();

    public void Dispose() => _appender?.Dispose();
}
