using DuckDB.NET.Data;

namespace SupportLens.Storage.Sql;

/// <summary>The values of a command's <c>$name</c> (or positional <c>?</c>) parameters.</summary>
public sealed class SqlParameters
{
    private readonly DuckDBParameterCollection _parameters;

    internal SqlParameters(DuckDBParameterCollection parameters) => _parameters = parameters;

    /// <summary>Binds <c>$name</c>; instants go in as <see cref="DateTimeOffset"/> (TIMESTAMPTZ), never as a local DateTime.</summary>
    public SqlParameters Add(string name, object? value)
    {
        var index = _parameters.IndexOf(name);
        if (index >= 0)
        {
            _parameters[index].Value = Normalise(value);
        }
        else
        {
            _parameters.Add(new DuckDBParameter(name, Normalise(value)));
        }
        return this;
    }

    /// <summary>Binds the next positional <c>?</c>.</summary>
    public SqlParameters Add(object? value)
    {
        _parameters.Add(new DuckDBParameter(Normalise(value)));
        return this;
    }

    public void Clear() => _parameters.Clear();

    public int Count => _parameters.Count;

    // A DateTime of unspecified kind would be read by DuckDB.NET as it is; make instants unambiguous instead.
    private static object Normalise(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime()),
        _ => value,
    };
}
