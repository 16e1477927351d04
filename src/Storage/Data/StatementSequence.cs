using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// The statements of one command text, prepared one at a time just before each runs: a script that creates a
/// table and then inserts into it cannot be prepared all at once.
/// </summary>
internal sealed class StatementSequence : IDisposable
{
    private readonly ConnectionHandle _connection;
    private readonly string _sql;
    private readonly PreparedStatementHandle?[] _prepared;
    private IntPtr _extracted;

    internal StatementSequence(ConnectionHandle connection, string sql)
    {
        _connection = connection;
        _sql = sql;
        var count = NativeMethods.duckdb_extract_statements(connection, sql, out _extracted);
        if (count == 0)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_extract_statements_error(_extracted)) ?? "no statement found";
            Dispose();
            throw new DuckDbException(error, sql);
        }
        _prepared = new PreparedStatementHandle?[count];
    }

    internal int Count => _prepared.Length;

    internal ConnectionHandle Connection => _connection;

    internal PreparedStatementHandle Get(int index)
    {
        if (_prepared[index] is { } ready)
        {
            return ready;
        }
        NativeMethods.duckdb_prepare_extracted_statement(_connection, _extracted, (ulong)index, out var raw);
        var statement = PreparedStatementHandle.Adopt(raw);
        var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(statement));
        if (error is not null)
        {
            statement.Dispose();
            throw new DuckDbException(error, _sql);
        }
        _prepared[index] = statement;
        return statement;
    }

    public void Dispose()
    {
        if (_prepared is not null)
        {
            foreach (var statement in _prepared)
            {
                statement?.Dispose();
            }
        }
        if (_extracted != IntPtr.Zero)
        {
            NativeMethods.duckdb_destroy_extracted(ref _extracted);
            _extracted = IntPtr.Zero;
        }
    }
}
