namespace SupportLens.Storage.Sql;

/// <summary>DuckDB's own error text with the SQL that caused it, so that one log line is enough to reproduce it.</summary>
public sealed class WarehouseException : Exception
{
    private const int SqlShown = 2000;

    public WarehouseException(string duckDbMessage, string? sql, Exception? inner = null)
        : base(sql is null ? duckDbMessage : $"{duckDbMessage}{Environment.NewLine}SQL: {Abbreviate(sql)}", inner)
    {
        DuckDbMessage = duckDbMessage;
        Sql = sql;
    }

    /// <summary>DuckDB's message alone, without the SQL.</summary>
    public string DuckDbMessage { get; }

    /// <summary>The statement that failed, when there was one.</summary>
    public string? Sql { get; }

    private static string Abbreviate(string sql) => sql.Length <= SqlShown ? sql : string.Concat(sql.AsSpan(0, SqlShown), " ...");
}
