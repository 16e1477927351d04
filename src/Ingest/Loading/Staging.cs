using SupportLens.Ingest.Validation;
using SupportLens.Storage.Data;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// Temporary tables that hold one file's valid rows (and an incident's clients) until the merge, filled through the
/// appender: no SQL per row. Temporary tables are private to the connection and vanish with it, killed or not.
/// </summary>
internal sealed class Staging : IDisposable
{
    public const string Table = "ingest_stage";
    public const string ClientsTable = "ingest_stage_clients";

    private readonly KindSchema _schema;
    private readonly string _source;
    private readonly DuckDbAppender _rows;
    private readonly DuckDbAppender? _clients;

    public Staging(DuckDbConnection connection, KindSchema schema, string source)
    {
        _schema = schema;
        _source = source;
        var columns = string.Join(", ", schema.Columns.Select(c => $"{c.Name} {c.SqlType}"));
        connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {Table}; CREATE TEMP TABLE {Table} (_line BIGINT, source VARCHAR, {columns})");
        connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {ClientsTable}; CREATE TEMP TABLE {ClientsTable} (_line BIGINT, incident_id VARCHAR, client_id VARCHAR)");
        _rows = connection.CreateAppender(Table);
        _clients = schema.Kind == IngestKind.Incidents ? connection.CreateAppender(ClientsTable) : null;
    }

    public void Append(StageRow row)
    {
        _rows.Append(row.Line).Append(_source);
        foreach (var value in row.Values)
        {
            _ = value switch
            {
                null => _rows.AppendNull(),
                string s => _rows.Append(s),
                DateTime t => _rows.Append(t),
                DateOnly d => _rows.Append(d),
                long l => _rows.Append(l),
                byte b => _rows.Append((short)b),
                decimal m => _rows.Append(m),
                double x => _rows.Append(x),
                bool f => _rows.Append(f),
                _ => throw new InvalidOperationException($"cannot stage a {value.GetType().Name}"),
            };
        }
        _rows.EndRow();
        if (_clients is not null && row.Clients is { } clients)
        {
            var incident = (string)row.Values[0]!;
            foreach (var client in clients)
            {
                _clients.Append(row.Line).Append(incident).Append(client).EndRow();
            }
        }
    }

    /// <summary>Writes what the appenders hold; the merge reads the tables after this.</summary>
    public void Close()
    {
        _rows.Close();
        _clients?.Close();
    }

    public void Dispose()
    {
        _rows.Dispose();
        _clients?.Dispose();
    }

    public KindSchema Schema => _schema;
}
