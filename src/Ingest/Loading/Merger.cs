using SupportLens.Ingest.Validation;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>What the merge did: rows new to the table, rows replaced by a newer version, rows already as they were.</summary>
internal sealed record MergeCounts(long Staged, long Inserted, long Updated)
{
    public long Unchanged => Staged - Inserted - Updated;
}

/// <summary>
/// The checks that need the whole file or the database, then the merge of the staged rows into their table, all in
/// the caller's transaction. Rows are keyed by (source, id); a stored row is replaced only by a newer
/// <c>updated_at</c> (or, without one, by different values), so loading the same export twice changes nothing.
/// </summary>
/// <param name="derived">Per field, whether validation filled it from another field in some rows (a done time from
/// updated_at): where the file does not have the column, it replaces a stored value only where it was filled.</param>
/// <param name="staged">What the staging knows of its rows: statements that would find nothing are not run (a session
/// of many small files pays for each statement).</param>
internal sealed class Merger(
    LoadTarget target, long batchId, string source, IReadOnlyList<string> columnNames, bool[] provided, bool[] derived, StageSummary staged)
{
    private readonly WarehouseConnection _connection = target.Connection;
    private readonly KindSchema _schema = target.Schema;

    private const string Stage = Staging.Table;
    private const string Lists = Staging.ListsTable;

    // Staged rows moved to quarantine by the checks in SQL.
    private long _rejected;

    /// <summary>
    /// Moves rows that need the database to judge (a survey without a client whose ticket is not loaded) to
    /// quarantine, then keeps one version of each id; returns how many rows it rejected.
    /// </summary>
    public long RejectInvalid()
    {
        long rejected = 0;
        if (_schema.Kind == IngestKind.Csat && staged.WithoutClient > 0)
        {
            // A survey often names only its ticket: its client is the ticket's.
            _connection.ExecuteNonQuery(
                $"UPDATE {Stage} AS s SET client_id = t.client_id FROM tickets AS t " +
                "WHERE s.client_id IS NULL AND t.source = s.source AND t.ticket_id = s.ticket_id");
            rejected += Reject(
                $"SELECT _row, _line, ticket_id AS value, 'client_id is empty and ticket ' || {Echo.Sql("ticket_id")} || ' is not loaded (load tickets first)' AS reason " +
                $"FROM {Stage} WHERE client_id IS NULL", Column("ticket_id"));
        }
        // Unknown client ids (and organisation names, and an incident's affected clients) were settled while the rows
        // streamed (ClientDirectory).
        if (staged.KeysUnique != true)
        {
            DropSuperseded();
        }
        return rejected;
    }

    /// <summary>
    /// An id listed more than once in the file keeps one version, by the rule that holds across files: the newest
    /// updated_at, and among equal (or absent) ones the last row (by <c>_row</c>, the order of the file: several JSON
    /// records may share a line). The older versions are not errors; they count as loaded, as an older row of a later
    /// file does. Only the rows of duplicated keys, found by a hash aggregate (usually none), are ranked, so the whole
    /// file is not sorted.
    /// </summary>
    private void DropSuperseded()
    {
        var keys = string.Join(", ", _schema.Key);
        var keyMatch = string.Join(" AND ", _schema.Key.Select(k => $"d.{k} IS NOT DISTINCT FROM s.{k}"));
        var newest = _schema.HasUpdatedAt ? "updated_at DESC NULLS LAST, " : "";
        _connection.ExecuteNonQuery(
            "DROP TABLE IF EXISTS ingest_superseded; " +
            $"CREATE TEMP TABLE ingest_superseded AS SELECT _row FROM " +
            $"(SELECT _row, row_number() OVER (PARTITION BY {keys} ORDER BY {newest}_row DESC) AS version FROM {Stage} AS s " +
            $"WHERE EXISTS (SELECT 1 FROM (SELECT {keys} FROM {Stage} GROUP BY ALL HAVING count(*) > 1) AS d WHERE {keyMatch})) " +
            "WHERE version > 1");
        _connection.ExecuteNonQuery(
            $"DELETE FROM {Stage} WHERE _row IN (SELECT _row FROM ingest_superseded); " +
            $"DELETE FROM {Lists} WHERE _row IN (SELECT _row FROM ingest_superseded); DROP TABLE ingest_superseded");
    }

    public MergeCounts Merge()
    {
        // Older versions of an id listed twice count as loaded, as an older row of a later file does.
        var loaded = staged.Rows - _rejected;
        var dataColumns = _schema.Columns.Where(c => provided[_schema.FieldIndex[c.Field]] && !_schema.Key.Contains(c.Name)).Select(c => c.Name).ToList();
        if (!_schema.HasSource)
        {
            dataColumns.Insert(0, "source");
        }
        var filled = _schema.Columns
            .Where(c => derived[_schema.FieldIndex[c.Field]] && !provided[_schema.FieldIndex[c.Field]] && !_schema.Key.Contains(c.Name))
            .Select(c => c.Name).ToList();
        var match = string.Join(" AND ", KeyColumns().Select(k => Nullable(k) ? $"t.{k} IS NOT DISTINCT FROM s.{k}" : $"t.{k} = s.{k}"));
        var differs = dataColumns.Count + filled.Count == 0 ? "false" : string.Join(" OR ",
            dataColumns.Select(c => $"t.{c} IS DISTINCT FROM s.{c}").Concat(filled.Select(c => $"(s.{c} IS NOT NULL AND t.{c} IS DISTINCT FROM s.{c})")));
        var newer = _schema.HasUpdatedAt && provided[_schema.FieldIndex["updated_at"]]
            ? $"(s.updated_at > t.updated_at OR (t.updated_at IS NULL AND s.updated_at IS NOT NULL) OR (s.updated_at IS NULL AND t.updated_at IS NULL AND ({differs})))"
            : $"({differs})";
        long updated = 0;
        // A first load (no stored row of this source yet) is a plain insert: nothing to update, no key to look up.
        var fresh = !target.HoldsRowsOf(source);
        if (dataColumns.Count + filled.Count > 0 && !fresh)
        {
            var set = dataColumns.Select(c => $"{c} = s.{c}").Concat(filled.Select(c => $"{c} = coalesce(s.{c}, t.{c})"));
            updated = Execute(
                $"UPDATE {_schema.Table} AS t SET {string.Join(", ", set)}, batch_id = $batch " +
                $"FROM {Stage} AS s WHERE {match} AND {newer}");
        }
        var all = new List<string> { "source" };
        all.AddRange(_schema.Columns.Select(c => c.Name));
        var inserted = Execute(
            $"INSERT INTO {_schema.Table} ({string.Join(", ", all)}, batch_id) " +
            $"SELECT {string.Join(", ", all.Select(c => $"s.{c}"))}, $batch FROM {Stage} AS s" +
            (fresh ? "" : $" WHERE NOT EXISTS (SELECT 1 FROM {_schema.Table} AS t WHERE {match})"));
        if (_schema.Kind == IngestKind.Incidents)
        {
            // The incidents this batch wrote carry its batch_id: the lists the file gives replace theirs.
            // A new incident has no stored lists to replace; an empty list has nothing to insert.
            if (provided[_schema.FieldIndex["affected_clients"]])
            {
                if (updated > 0)
                {
                    Execute("DELETE FROM incident_clients AS ic USING incidents AS i " +
                            "WHERE i.batch_id = $batch AND ic.source = i.source AND ic.incident_id = i.incident_id");
                }
                if (staged.ClientItems > 0)
                {
                    Execute($"INSERT INTO incident_clients (source, incident_id, client_id) SELECT DISTINCT i.source, s.incident_id, sc.item " +
                        $"FROM {Lists} AS sc JOIN {Stage} AS s ON s._row = sc._row " +
                            "JOIN incidents AS i ON i.source = s.source AND i.incident_id = s.incident_id AND i.batch_id = $batch WHERE sc.list = 'client'");
                }
            }
            if (provided[_schema.FieldIndex["component"]])
            {
                if (updated > 0)
                {
                    Execute("DELETE FROM incident_components AS ic USING incidents AS i " +
                            "WHERE i.batch_id = $batch AND ic.source = i.source AND ic.incident_id = i.incident_id");
                }
                if (staged.ComponentItems > 0)
                {
                    Execute($"INSERT INTO incident_components (source, incident_id, component, position) SELECT i.source, s.incident_id, sc.item, sc.position " +
                            $"FROM {Lists} AS sc JOIN {Stage} AS s ON s._row = sc._row " +
                            "JOIN incidents AS i ON i.source = s.source AND i.incident_id = s.incident_id AND i.batch_id = $batch WHERE sc.list = 'component'");
                }
            }
        }
        return new MergeCounts(loaded, inserted, updated);
    }

    private IEnumerable<string> KeyColumns() => _schema.HasSource ? _schema.Key.Prepend("source") : _schema.Key;

    private bool Nullable(string column) => _schema.FieldIndex.TryGetValue(column, out var i) && !_schema.Fields[i].Required;

    private string Column(string field) => columnNames[_schema.FieldIndex[field]];

    /// <summary>Quarantines the staged rows a query finds (_row, _line, value, reason) and drops them from staging.</summary>
    private long Reject(string select, string column)
    {
        _connection.ExecuteNonQuery($"DROP TABLE IF EXISTS ingest_rejects; CREATE TEMP TABLE ingest_rejects AS {select}");
        using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO quarantine (batch_id, line, column_name, value, reason) SELECT $batch, _line, $column, {Echo.Sql("value")}, reason FROM ingest_rejects";
            insert.Parameters.Add("batch", batchId);
            insert.Parameters.Add("column", Echo.Value(column));
            insert.ExecuteNonQuery();
        }
        var rejected = Scalar("SELECT count(DISTINCT _row) FROM ingest_rejects");
        _rejected += rejected;
        _connection.ExecuteNonQuery(
            $"DELETE FROM {Stage} WHERE _row IN (SELECT _row FROM ingest_rejects); " +
            $"DELETE FROM {Lists} WHERE _row IN (SELECT _row FROM ingest_rejects); DROP TABLE ingest_rejects");
        return rejected;
    }

    private long Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$batch", StringComparison.Ordinal))
        {
            command.Parameters.Add("batch", batchId);
        }
        return command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
