namespace SupportLens.Storage.Sql;

/// <summary>
/// The columns of a table in the order an appender fills them, with the exact types values are converted to. Read once
/// with <see cref="WarehouseConnection.DescribeTable"/> and reused for every appender of that table while its shape
/// stays as it is (a session that loads many small files describes each table once, not once per file).
/// </summary>
public sealed class TableLayout
{
    internal TableLayout(string table, ColumnType[] columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<string> ColumnNames => [.. Columns.Select(c => c.Name)];

    internal ColumnType[] Columns { get; }

    internal static TableLayout Describe(WarehouseConnection connection, string table)
    {
        using var command = connection.CreateCommand($"DESCRIBE {table}");
        using var reader = command.ExecuteReader();
        var columns = new List<ColumnType>();
        while (reader.Read())
        {
            columns.Add(ColumnType.Parse(reader.GetString(0), reader.GetString(1)));
        }
        return new TableLayout(table, [.. columns]);
    }
}
