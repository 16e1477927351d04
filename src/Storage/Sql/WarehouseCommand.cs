using System.Data.Common;
using DuckDB.NET.Data;

namespace SupportLens.Storage.Sql;

/// <summary>
/// SQL with <c>$name</c> or <c>?</c> parameters on a warehouse connection. Every failure is a
/// <see cref="WarehouseException"/> that carries the SQL.
/// </summary>
public sealed class WarehouseCommand : IDisposable
{
    private readonly DuckDBCommand _command;

    internal WarehouseCommand(DuckDBCommand command)
    {
        _command = command;
        Parameters = new SqlParameters(command.Parameters);
    }

    public string CommandText
    {
        get => _command.CommandText;
        set => _command.CommandText = value;
    }

    public SqlParameters Parameters { get; }

    /// <summary>Runs the SQL (one or several statements) and returns the rows the last one changed.</summary>
    public int ExecuteNonQuery() => Run(_command.ExecuteNonQuery);

    public object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
    }

    /// <summary>The first column of the first row as <typeparamref name="T"/> (instants as UTC <see cref="DateTimeOffset"/>).</summary>
    public T ExecuteScalar<T>() => ExecuteScalar() switch
    {
        null => default!,
        T typed => typed,
        // DuckDB widens sums of integers to HUGEINT, which DuckDB.NET reads as a BigInteger.
        System.Numerics.BigInteger big => (T)Convert.ChangeType((decimal)big, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        var other => (T)Convert.ChangeType(other, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The rows of a query, already computed by DuckDB (so an error surfaces here, not while reading). Read instants with
    /// <see cref="ReaderExtensions.GetDateTimeOffset"/>.
    /// </summary>
    public DbDataReader ExecuteReader() => Run<DbDataReader>(() => new WarehouseReader(_command.ExecuteReader()));

    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DuckDBException e)
        {
            throw new WarehouseException(e.Message, _command.CommandText, e);
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("DuckDB", StringComparison.Ordinal) == true)
        {
            throw new WarehouseException(e.Message, _command.CommandText, e);
        }
    }

    public void Dispose() => _command.Dispose();
}
