using SupportLens.Ingest.Validation;
using SupportLens.Storage.Data;

namespace SupportLens.Ingest.Loading;

/// <summary>Writes rejected rows of a batch to the quarantine table, in bulk, inside the file's transaction.</summary>
internal sealed class Quarantine(DuckDbConnection connection, long batchId) : IDisposable
{
    private readonly DuckDbAppender _appender = connection.CreateAppender("quarantine");

    public void Add(RowError error) =>
        _appender.Append(batchId).Append(error.Line).Append(error.Column).Append(error.Value).Append(error.Reason).EndRow();

    public void Close() => _appender.Close();

    public void Dispose() => _appender.Dispose();
}
