using System.Data.Common;

namespace SupportLens.Storage.Data;

/// <summary>DuckDB's own error text, with the SQL that caused it so a log line is enough to reproduce.</summary>
public sealed class DuckDbException : DbException
{
    public DuckDbException(string message, string? sql)
        : base(sql is null ? message : $"{message}{Environment.NewLine}SQL: {Abbreviate(sql)}")
    {
        DuckDbMessage = message;
        Sql = sql;
    }

    /// <summary>DuckDB's message alone, without the SQL.</summary>
    public string DuckDbMessage { get; }

    /// <summary>The statement that failed, when there was one.</summary>
    public string? Sql { get; }

    private static string Abbreviate(string sql) => sql.Length <= 2000 ? sql : string.Concat(sql.AsSpan(0, 2000), " ...");
}
