using System.Globalization;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// Lowers DuckDB's memory limit for the time of one load and puts the previous one back on dispose. The limit is the
/// database's (DuckDB has no per-connection limit), so it is only ever lowered, never raised above what was set.
/// Beyond the limit DuckDB spills staging tables and sorts to its temp directory.
/// </summary>
internal sealed class MemoryBound : IDisposable
{
    private readonly WarehouseConnection _connection;
    private readonly string? _previous;

    private MemoryBound(WarehouseConnection connection, string? previous)
    {
        _connection = connection;
        _previous = previous;
    }

    public static MemoryBound Apply(WarehouseConnection connection, string? limit)
    {
        if (limit is null)
        {
            return new MemoryBound(connection, null);
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('memory_limit')";
        var previous = (string)command.ExecuteScalar()!;
        if (Bytes(previous) is { } current && Bytes(limit) is { } wanted && wanted >= current)
        {
            return new MemoryBound(connection, null);
        }
        Set(connection, limit);
        return new MemoryBound(connection, previous);
    }

    public void Dispose()
    {
        if (_previous is not null)
        {
            Set(_connection, _previous);
        }
    }

    private static void Set(WarehouseConnection connection, string limit) =>
        connection.ExecuteNonQuery($"SET memory_limit = '{limit.Replace("'", "''", StringComparison.Ordinal)}'");

    /// <summary>A DuckDB size such as "1GB", "512 MiB" or "18.6 GiB" in bytes; null when it is not one.</summary>
    internal static double? Bytes(string size)
    {
        var text = size.Trim();
        var split = 0;
        while (split < text.Length && (char.IsAsciiDigit(text[split]) || text[split] == '.'))
        {
            split++;
        }
        if (!double.TryParse(text.AsSpan(0, split), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        double? scale = text[split..].Trim().ToUpperInvariant() switch
        {
            "" or "B" or "BYTE" or "BYTES" => 1,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            "TIB" => 1L << 40,
            _ => null,
        };
        return number * scale;
    }
}
