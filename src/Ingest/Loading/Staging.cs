using SupportLens.Ingest.Validation;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// Where one file's valid rows go, through the appender (no SQL per row). Usually temporary tables that hold them (and
/// an incident's clients) until the merge; temporary tables are private to the connection and vanish with it, killed
/// or not. A first load of a source into a table keyed by (source, id) goes straight into that table instead
/// (<see cref="Direct"/>): there is nothing to merge with, and the table's primary key refuses a duplicate, upon which
/// the caller rolls back and loads the file through staging, which quarantines it.
/// </summary>
internal sealed class Staging : IDisposable
{
    public const string Table = "ingest_stage";
    /// <summary>The lists of a staged row, one item per row: list 'client' (affected_lists) or 'component', in file order.</summary>
    public const string ListsTable = "ingest_stage_lists";

    // Positions in a direct load's column map that are not staged values.
    private const int SourceColumn = -2;
    private const int BatchColumn = -3;

    private readonly KindSchema _schema;
    private readonly string _source;
    private readonly long _batchId;
    private readonly int[]? _direct;
    private readonly TableAppender _rows;
    private readonly TableAppender? _lists;
    private long _staged;

    public Staging(WarehouseConnection connection, KindSchema schema, string source, long batchId, bool direct)
    {
        _schema = schema;
        _source = source;
        _batchId = batchId;
        if (direct && DirectColumns(connection, schema) is { } map)
        {
            _direct = map;
            _rows = connection.CreateAppender(schema.Table);
            return;
        }
        var columns = string.Join(", ", schema.Columns.Select(c => $"{c.Name} {c.SqlType}"));
        // _line is where the row is in the file (for quarantine); _row is its place in the file's order, unique where
        // _line is not (a minified JSON page holds every record on line 1), and is what the side tables point at.
        connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {Table}; CREATE TEMP TABLE {Table} (_line BIGINT, _row BIGINT, source VARCHAR, {columns})");
        connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {ListsTable}; CREATE TEMP TABLE {ListsTable} (_row BIGINT, list VARCHAR, position BIGINT, item VARCHAR)");
        _rows = connection.CreateAppender(Table);
        _lists = schema.Kind == IngestKind.Incidents ? connection.CreateAppender(ListsTable) : null;
    }

    /// <summary>Whether rows go straight into the kind's table (no merge follows).</summary>
    public bool Direct => _direct is not null;

    /// <summary>Rows appended so far.</summary>
    public long Rows => _rows.RowsAppended;

    /// <summary>
    /// Whether a file of this kind may load straight into its table: the table holds no row of the source yet, its
    /// primary key is the kind's key (so it catches duplicates), and no check needs other tables after staging.
    /// </summary>
    public static bool CanLoadDirectly(WarehouseConnection connection, KindSchema schema, string source)
    {
        if (schema.Kind is not (IngestKind.Tickets or IngestKind.Nps) || DirectColumns(connection, schema) is null)
        {
            return false;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM {schema.Table} WHERE source = $source LIMIT 1)";
        command.Parameters.Add("source", source);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

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
        if (_lists is not null)
        {
            AppendList(ordinal, "client", row.Clients);
            AppendList(ordinal, "component", row.Components);
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

    public KindSchema Schema => _schema;

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
    private static int[]? DirectColumns(WarehouseConnection connection, KindSchema schema)
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
                _ => schema.Columns.ToList().FindIndex(c => c.Name == name),
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
