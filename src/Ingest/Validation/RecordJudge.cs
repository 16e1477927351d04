using SupportLens.Ingest.Profiles;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// Says whether one record of a file loads: its fields valid (<see cref="RowValidator"/>) and the clients it names
/// stored — its client_id (an organisation's name becomes its id) and an incident's affected clients. Runs while the
/// file streams, on the thread that reads it.
/// </summary>
internal sealed class RecordJudge
{
    private readonly RowValidator _validator;
    private readonly ClientDirectory? _clients;
    private readonly bool _hasClientId;
    private readonly string? _clientColumn;
    private readonly string? _affectedColumn;

    public RecordJudge(KindSchema schema, RowValidator validator, ClientDirectory? clients, IReadOnlyList<string> columnNames)
    {
        _validator = validator;
        _clients = clients;
        _hasClientId = schema.HasClientId;
        _clientColumn = schema.HasClientId ? columnNames[schema.FieldIndex["client_id"]] : null;
        _affectedColumn = schema.FieldIndex.TryGetValue("affected_clients", out var affected) ? columnNames[affected] : null;
    }

    /// <summary>The row to stage, or null after adding to <paramref name="errors"/> why the record does not load.</summary>
    public StageRow? Judge(MappedRecord record, List<RowError> errors)
    {
        var row = _validator.Validate(record.Line, record.Fields!, errors);
        if (row is null || _clients is null)
        {
            return row;
        }
        if (_hasClientId && !_clients.Resolve(row))
        {
            errors.Add(RowError.Of(row.Line, _clientColumn, _clients.Value(row), ClientDirectory.Unknown));
            return null;
        }
        var before = errors.Count;
        foreach (var client in row.Clients ?? [])
        {
            if (!_clients.Knows(client))
            {
                errors.Add(RowError.Of(row.Line, _affectedColumn, client, ClientDirectory.UnknownAffected));
            }
        }
        return errors.Count > before ? null : row;
    }
}
