using SupportLens.Ingest.Validation;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// Where one file's valid rows go, through the appender (no SQL per row). Usually temporary tables that hold them (and
/// an incident's clients and components) until the merge; temporary tables are private to the connection and vanish
/// with it, killed or not. Tickets and NPS go straight into their table instead (<see cref="Direct"/>) while no row
/// names a stored id: the table's primary key refuses a duplicate (in the file or against a stored row), upon which
/// the caller rolls back and loads the file through staging, which merges it.
/// </summary>
internal sealed class Staging : IDisposable
{
    public const string Table = "ingest_stage";
    /// <summary>The lists of a staged row, one item per row: list 'client' (affected_clients) or 'component', in file order.</summary>
    public const string ListsTable = "ingest_stage_lists";

    /// <summary>Up to this many staged rows, their keys are kept to tell the merge that none repeats (then it need not look).</summary>
    internal const int TrackedKeys = 65_536;

    // Positions in a direct load's column map that are not staged values.
    private const int SourceColumn = -2;
    private const int BatchColumn = -3;

    private readonly KindSchema _schema;
    private readonly string _source;
    private readonly long _batchId;
    private readonly int[]? _direct;
    private readonly TableAppender _rows;
    private readonly TableAppender? _lists;
    private readonly int[] _keyColumns;
    private readonly int _clientColumn;
    private HashSet<string>? _keys = new(StringComparer.Ordinal);
    private bool? _keysUnique = true;
    private long _staged;
    private long _withoutClient;
    private long _clientItems;
    private long _componentItems;

    public Staging(LoadTarget target, string source, long batchId, bool direct)
    {
        var connection = target.Connection;
        _schema = target.Schema;
        _source = source;
        _batchId = batchId;
        _keyColumns = [.. _schema.Key.Select(k => IndexOf(_schema, k))];
        _clientColumn = IndexOf(_schema, "client_id");
        if (direct && target.DirectColumns is { } map)
        {
            _direct = map;
            _rows = connection.CreateAppender(target.Layout(_schema.Table));
            return;
        }
        _rows = connection.CreateAppender(target.Layout(Table));
        _lists = _schema.Kind == IngestKind.Incidents ? connection.CreateAppender(target.Layout(ListsTable)) : null;
    }

    /// <summary>Whether rows go straight into the kind's table (no merge follows).</summary>
    public bool Direct => _direct is not null;

    /// <summary>Rows appended so far.</summary>
    public long Rows => _rows.RowsAppended;

    /// <summary>What the merge may take as known about the staged rows instead of asking the database.</summary>
    public StageSummary Summary => new(_rows.RowsAppended, _keysUnique, _withoutClient, _clientItems, _componentItems);

    public void Append(StageRow row)
    {
        if (_direct is not null)
        {
            foreach (var i in _direct)
            {
                _ = i switch
                {
                    SourceColumn => _rows.Append(_source),
                    BatchColumn => _rows.Append(_batchId),
                    _ => AppendValue(row.Values[i]),
                };
            }
            _rows.EndRow();
            return;
        }
        var ordinal = _staged++;
        _rows.Append(row.Line).Append(ordinal).Append(_source);
        foreach (var value in row.Values)
        {
            AppendValue(value);
        }
        _rows.EndRow();
        Track(row);
        if (_lists is not null)
        {
            AppendList(ordinal, "client", row.Clients);
            AppendList(ordinal, "component", row.Components);
            _clientItems += row.Clients?.Count ?? 0;
            _componentItems += row.Components?.Count ?? 0;
        }
    }

    /// <summary>Writes what the appenders hold; the merge reads the tables after this.</summary>
    public void Close()
    {
        _rows.Complete();
        _lists?.Complete();
    }

    public void Dispose()
    {
        _rows.Dispose();
        _lists?.Dispose();
    }

    /// <summary>Empties the staging tables in the file's transaction, so the next file of the session starts from nothing.</summary>
    public static void Clear(WarehouseConnection connection, StageSummary summary)
    {
        if (summary.Rows > 0)
        {
            connection.ExecuteNonQuery($"DELETE FROM {Table}; DELETE FROM {ListsTable}");
        }
    }

    private void Track(StageRow row)
    {
        if (_clientColumn >= 0 && row.Values[_clientColumn] is null)
        {
            _withoutClient++;
        }
        if (_keys is null)
        {
            return;
        }
        if (_keys.Count >= TrackedKeys)
        {
            // Too many to keep in memory for long files: the merge looks in SQL.
            _keys = null;
            _keysUnique = null;
            return;
        }
        var key = string.Join('\u0001', _keyColumns.Select(c => row.Values[c] switch
        {
            null => "\u0000",
            DateTime t => t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var v => v.ToString(),
        }));
        if (!_keys.Add(key))
        {
            _keys = null;
            _keysUnique = false;
        }
    }

    private static int IndexOf(KindSchema schema, string column)
    {
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            if (schema.Columns[i].Name == column)
            {
                return i;
            }
        }
        return -1;
    }

    private void AppendList(long ordinal, string list, IReadOnlyList<string>? items)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            _lists!.Append(ordinal).Append(list).Append((long)i + 1).Append(items![i]).EndRow();
        }
    }

    private TableAppender AppendValue(object? value) => value switch
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

    /// <summary>
    /// Per column of the kind's table, in table order, the staged value that fills it (or source, or batch_id); null
    /// when the table has a column the file cannot fill (its default would be lost to the appender).
    /// </summary>
    internal static int[]? DirectColumns(WarehouseConnection connection, KindSchema schema)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' " +
                              "AND table_name = $table ORDER BY column_index";
        command.Parameters.Add("table", schema.Table);
        using var reader = command.ExecuteReader();
        var map = new List<int>();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            var index = name switch
            {
                "source" => SourceColumn,
                "batch_id" => BatchColumn,
                _ => IndexOf(schema, name),
            };
            if (index == -1)
            {
                return null;
            }
            map.Add(index);
        }
        return map.Count == 0 ? null : [.. map];
    }
}

/// <summary>
/// What is known of a file's staged rows without asking the database: how many, whether their keys are unique (null:
/// too many to tell), how many lack a client id, and how many list items (incident clients, components) they carry.
/// </summary>
internal sealed record StageSummary(long Rows, bool? KeysUnique, long WithoutClient, long ClientItems, long ComponentItems);
