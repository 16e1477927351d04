using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// The stored clients, read once per file, so a row's client_id is checked as it streams instead of in SQL passes
/// over the whole staged file. Help-desk exports name the organisation rather than our client id: a value that is
/// not an id but the name of exactly one client becomes that client's id.
/// </summary>
internal sealed class ClientDirectory
{
    public const string Unknown = "unknown client_id (not in clients: load clients first)";

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly int _column;

    private ClientDirectory(int column) => _column = column;

    public const string UnknownAffected = "unknown client_id in affected_clients (not in clients)";

    /// <summary>The clients of the warehouse, or null when the kind names no client to check.</summary>
    public static ClientDirectory? Load(WarehouseConnection connection, KindSchema schema)
    {
        if (!schema.HasClientId && schema.Kind != IngestKind.Incidents)
        {
            return null;
        }
        var column = schema.Columns.ToList().FindIndex(c => c.Name == "client_id");
        var directory = new ClientDirectory(column);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT client_id, name, count(*) OVER (PARTITION BY name) FROM clients";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            directory._ids.Add(reader.GetString(0));
            if (!reader.IsDBNull(1) && reader.GetInt64(2) == 1)
            {
                directory._byName[reader.GetString(1)] = reader.GetString(0);
            }
        }
        return directory;
    }

    /// <summary>Whether <paramref name="clientId"/> is a stored client's id (an incident's affected clients are ids only).</summary>
    public bool Knows(string clientId) => _ids.Contains(clientId);

    /// <summary>True when the row's client is known (an id, or the unique name of one, then replaced by its id) or absent.</summary>
    public bool Resolve(StageRow row)
    {
        if (_column < 0 || row.Values[_column] is not string client || _ids.Contains(client))
        {
            return true;
        }
        if (_byName.TryGetValue(client, out var id))
        {
            row.Values[_column] = id;
            return true;
        }
        return false;
    }

    public string? Value(StageRow row) => row.Values[_column] as string;
}
