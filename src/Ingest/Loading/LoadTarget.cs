using SupportLens.Ingest.Validation;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// What loading files of one kind over one connection needs from the database and can keep between files: the
/// layouts the appenders fill, the temporary staging tables, the stored clients, and whether the kind's table can take
/// rows straight from the appender. A session reads each once; a file then costs its own rows and statements only.
/// </summary>
internal sealed class LoadTarget(WarehouseConnection connection, KindSchema schema)
{
    private readonly Dictionary<string, TableLayout> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _holdsRows = new(StringComparer.Ordinal);
    private int[]? _directColumns;
    private bool _directKnown;
    private bool _stageReady;
    private ClientDirectory? _clients;
    private bool _clientsKnown;

    public WarehouseConnection Connection => connection;

    public KindSchema Schema => schema;

    /// <summary>
    /// Per column of the kind's table, in table order, the staged value that fills it (or source, or batch_id); null
    /// when the kind is staged always, or its table has a column the file cannot fill (its default would be lost).
    /// </summary>
    public int[]? DirectColumns
    {
        get
        {
            if (!_directKnown)
            {
                _directColumns = schema.Kind is IngestKind.Tickets or IngestKind.Nps ? Staging.DirectColumns(connection, schema) : null;
                _directKnown = true;
            }
            return _directColumns;
        }
    }

    /// <summary>The stored clients (read at the first file that needs them), or null when the kind names none.</summary>
    public ClientDirectory? Clients
    {
        get
        {
            if (!_clientsKnown)
            {
                _clients = ClientDirectory.Load(connection, schema);
                _clientsKnown = true;
            }
            return _clients;
        }
    }

    /// <summary>
    /// Whether the kind's table holds rows of <paramref name="source"/> (any row, for clients): asked once, then kept
    /// up to date by <see cref="Inserted"/> as the session's files commit.
    /// </summary>
    public bool HoldsRowsOf(string source)
    {
        if (!_holdsRows.TryGetValue(source, out var holds))
        {
            using var command = connection.CreateCommand(
                $"SELECT count(*) FROM (SELECT 1 FROM {schema.Table}{(schema.HasSource ? " WHERE source = $source" : "")} LIMIT 1)");
            if (schema.HasSource)
            {
                command.Parameters.Add("source", source);
            }
            holds = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
            _holdsRows[source] = holds;
        }
        return holds;
    }

    /// <summary>A file that inserted rows of <paramref name="source"/> committed.</summary>
    public void Inserted(string source) => _holdsRows[source] = true;

    public TableLayout Layout(string table)
    {
        if (!_layouts.TryGetValue(table, out var layout))
        {
            layout = connection.DescribeTable(table);
            _layouts[table] = layout;
        }
        return layout;
    }

    /// <summary>
    /// Creates the staging tables once. Outside a file's transaction: created inside one, a rollback would drop them.
    /// Each file leaves them empty (it deletes its rows before it commits; a rollback discards them).
    /// </summary>
    public void PrepareStage()
    {
        if (_stageReady)
        {
            return;
        }
        var columns = string.Join(", ", schema.Columns.Select(c => $"{c.Name} {c.SqlType}"));
        // _line is where the row is in the file (for quarantine); _row is its place in the file's order, unique where
        // _line is not (a minified JSON page holds every record on line 1), and is what the side tables point at.
        connection.ExecuteNonQuery(
            $"CREATE OR REPLACE TEMP TABLE {Staging.Table} (_line BIGINT, _row BIGINT, source VARCHAR, {columns}); " +
            $"CREATE OR REPLACE TEMP TABLE {Staging.ListsTable} (_row BIGINT, list VARCHAR, position BIGINT, item VARCHAR)");
        _stageReady = true;
    }
}
