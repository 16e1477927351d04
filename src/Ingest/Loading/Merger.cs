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
internal sealed class Merger(
    WarehouseConnection connection, KindSchema schema, long batchId, IReadOnlyList<string> columnNames, bool[] provided, bool[] derived)
{
    private const string Stage = Staging.Table;
    private const string Lists = Staging.ListsTable;

    // Older versions of ids listed twice in the file, dropped from staging but counted as loaded.
    private long _superseded;

    /// <summary>
    /// Moves rows that need the whole file or the database to judge (csat without a client, incidents naming unknown
    /// clients) to quarantine, then keeps one version of each id; returns how many rows it rejected.
    /// </summary>
    public long RejectInvalid()
    {
        long rejected = 0;
        if (schema.Kind == IngestKind.Csat)
        {
            // A survey often names only its ticket: its client is the ticket's.
            connection.ExecuteNonQuery(
                $"UPDATE {Stage} AS s SET client_id = t.client_id FROM tickets AS t " +
                "WHERE s.client_id IS NULL AND t.source = s.source AND t.ticket_id = s.ticket_id");
            rejected += Reject(
                $"SELECT _row, _line, ticket_id AS value, 'client_id is empty and ticket ' || {Echo.Sql("ticket_id")} || ' is not loaded (load tickets first)' AS reason " +
                $"FROM {Stage} WHERE client_id IS NULL", Column("ticket_id"));
        }
        // Unknown client ids (and organisation names) were settled while the rows streamed (ClientDirectory).
        if (schema.Kind == IngestKind.Incidents)
        {
            rejected += Reject(
                $"SELECT s._row, s._line, sc.item AS value, 'unknown client_id in affected_clients (not in clients)' AS reason " +
                $"FROM {Lists} AS sc JOIN {Stage} AS s ON s._row = sc._row " +
                "WHERE sc.list = 'client' AND NOT EXISTS (SELECT 1 FROM clients AS c WHERE c.client_id = sc.item)",
                Column("affected_clients"));
        }
        DropSuperseded();
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
        var keys = string.Join(", ", schema.Key);
        var keyMatch = string.Join(" AND ", schema.Key.Select(k => $"d.{k} IS NOT DISTINCT FROM s.{k}"));
        var newest = schema.HasUpdatedAt ? "updated_at DESC NULLS LAST, " : "";
        connection.ExecuteNonQuery(
            "DROP TABLE IF EXISTS ingest_superseded; " +
            $"CREATE TEMP TABLE ingest_superseded AS SELECT _row FROM " +
            $"(SELECT _row, row_number() OVER (PARTITION BY {keys} ORDER BY {newest}_row DESC) AS version FROM {Stage} AS s " +
            $"WHERE EXISTS (SELECT 1 FROM (SELECT {keys} FROM {Stage} GROUP BY ALL HAVING count(*) > 1) AS d WHERE {keyMatch})) " +
            "WHERE version > 1");
        _superseded = Scalar("SELECT count(*) FROM ingest_superseded");
        connection.ExecuteNonQuery(
            $"DELETE FROM {Stage} WHERE _row IN (SELECT _row FROM ingest_superseded); " +
            $"DELETE FROM {Lists} WHERE _row IN (SELECT _row FROM ingest_superseded); DROP TABLE ingest_superseded");
    }

    public MergeCounts Merge()
    {
        var staged = Scalar($"SELECT count(*) FROM {Stage}") + _superseded;
        var dataColumns = schema.Columns.Where(c => provided[schema.FieldIndex[c.Field]] && !schema.Key.Contains(c.Name)).Select(c => c.Name).ToList();
        if (!schema.HasSource)
        {
            dataColumns.Insert(0, "source");
        }
        var filled = schema.Columns
            .Where(c => derived[schema.FieldIndex[c.Field]] && !provided[schema.FieldIndex[c.Field]] && !schema.Key.Contains(c.Name))
            .Select(c => c.Name).ToList();
        var match = string.Join(" AND ", KeyColumns().Select(k => Nullable(k) ? $"t.{k} IS NOT DISTINCT FROM s.{k}" : $"t.{k} = s.{k}"));
        var differs = dataColumns.Count + filled.Count == 0 ? "false" : string.Join(" OR ",
            dataColumns.Select(c => $"t.{c} IS DISTINCT FROM s.{c}").Concat(filled.Select(c => $"(s.{c} IS NOT NULL AND t.{c} IS DISTINCT FROM s.{c})")));
        var newer = schema.HasUpdatedAt && provided[schema.FieldIndex["updated_at"]]
            ? $"(s.updated_at > t.updated_at OR (t.updated_at IS NULL AND s.updated_at IS NOT NULL) OR (s.updated_at IS NULL AND t.updated_at IS NULL AND ({differs})))"
            : $"({differs})";
        long updated = 0;
        // A first load (no stored row of this source yet) is a plain insert: nothing to update, no key to look up.
        var fresh = Scalar($"SELECT count(*) FROM (SELECT 1 FROM {schema.Table}{(schema.HasSource ? " WHERE source = (SELECT any_value(source) FROM " + Stage + ")" : "")} LIMIT 1)") == 0;
        if (dataColumns.Count + filled.Count > 0 && !fresh)
        {
            var set = dataColumns.Select(c => $"{c} = s.{c}").Concat(filled.Select(c => $"{c} = coalesce(s.{c}, t.{c})"));
            updated = Execute(
                $"UPDATE {schema.Table} AS t SET {string.Join(", ", set)}, batch_id = $batch " +
                $"FROM {Stage} AS s WHERE {match} AND {newer}");
        }
        var all = new List<string> { "source" };
        all.AddRange(schema.Columns.Select(c => c.Name));
        var inserted = Execute(
            $"INSERT INTO {schema.Table} ({string.Join(", ", all)}, batch_id) " +
            $"SELECT {string.Join(", ", all.Select(c => $"s.{c}"))}, $batch FROM {Stage} AS s" +
            (fresh ? "" : $" WHERE NOT EXISTS (SELECT 1 FROM {schema.Table} AS t WHERE {match})"));
        if (schema.Kind == IngestKind.Incidents)
        {
            // The incidents this batch wrote carry its batch_id: the lists the file gives replace theirs.
            if (provided[schema.FieldIndex["affected_clients"]])
            {
                Execute("DELETE FROM incident_clients AS ic USING incidents AS i " +
                        "WHERE i.batch_id = $batch AND ic.source = i.source AND ic.incident_id = i.incident_id");
                Execute($"INSERT INTO incident_clients (source, incident_id, client_id) SELECT DISTINCT i.source, s.incident_id, sc.item " +
                        $"FROM {Lists} AS sc JOIN {Stage} AS s ON s._row = sc._row " +
                        "JOIN incidents AS i ON i.source = s.source AND i.incident_id = s.incident_id AND i.batch_id = $batch WHERE sc.list = 'client'");
            }
            if (provided[schema.FieldIndex["component"]])
            {
                Execute("DELETE FROM incident_components AS ic USING incidents AS i " +
                        "WHERE i.batch_id = $batch AND ic.source = i.source AND ic.incident_id = i.incident_id");
                Execute($"INSERT INTO incident_components (source, incident_id, component, position) SELECT i.source, s.incident_id, sc.item, sc.position " +
                        $"FROM {Lists} AS sc JOIN {Stage} AS s ON s._row = sc._row " +
                        "JOIN incidents AS i ON i.source = s.source AND i.incident_id = s.incident_id AND i.batch_id = $batch WHERE sc.list = 'component'");
            }
        }
        return new MergeCounts(staged, inserted, updated);
    }

    private IEnumerable<string> KeyColumns() => schema.HasSource ? schema.Key.Prepend("source") : schema.Key;

    private bool Nullable(string column) => schema.FieldIndex.TryGetValue(column, out var i) && !schema.Fields[i].Required;

    private string Column(string field) => columnNames[schema.FieldIndex[field]];

    /// <summary>Quarantines the staged rows a query finds (_row, _line, value, reason) and drops them from staging.</summary>
    private long Reject(string select, string column)
    {
        connection.ExecuteNonQuery($"DROP TABLE IF EXISTS ingest_rejects; CREATE TEMP TABLE ingest_rejects AS {select}");
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO quarantine (batch_id, line, column_name, value, reason) SELECT $batch, _line, $column, {Echo.Sql("value")}, reason FROM ingest_rejects";
            insert.Parameters.Add("batch", batchId);
            insert.Parameters.Add("column", Echo.Value(column));
            insert.ExecuteNonQuery();
        }
        var rejected = Scalar("SELECT count(DISTINCT _row) FROM ingest_rejects");
        connection.ExecuteNonQuery(
            $"DELETE FROM {Stage} WHERE _row IN (SELECT _row FROM ingest_rejects); " +
            $"DELETE FROM {Lists} WHERE _row IN (SELECT _row FROM ingest_rejects); DROP TABLE ingest_rejects");
        return rejected;
    }

    private long Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$batch", StringComparison.Ordinal))
        {
            command.Parameters.Add("batch", batchId);
        }
        return command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
