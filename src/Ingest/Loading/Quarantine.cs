using SupportLens.Ingest.Validation;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>Writes rejected rows of a batch to the quarantine table, in bulk, inside the file's transaction.</summary>
internal sealed class Quarantine(WarehouseConnection connection, long batchId) : IDisposable
{
    private readonly TableAppender _appender = connection.CreateAppender("quarantine");

    public void Add(RowError error) =>
        _appender.Append(batchId).Append(error.Line).Append(error.Column).Append(error.Value).Append(error.Reason).EndRow();

    public void Close() => _appender.Complete();

    public void Dispose() => _appender.Dispose();
}
