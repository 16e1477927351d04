using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// SQL with named (<c>$name</c>) or positional (<c>$1</c>, <c>?</c>) parameters. Every statement goes through
/// DuckDB's prepared statements; a command keeps them prepared until its text or connection changes, so
/// running it again with new parameter values does not parse the SQL again.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private string _commandText = "";
    private DuckDbConnection? _connection;
    private StatementSequence? _prepared;

    public DuckDbCommand()
    {
    }

    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        _connection = connection;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            if (!string.Equals(_commandText, value, StringComparison.Ordinal))
            {
                ReleasePrepared();
            }
            _commandText = value ?? "";
        }
    }

    public override int CommandTimeout { get; set; }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB runs SQL text only.");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public new DuckDbConnection? Connection
    {
        get => _connection;
        set
        {
            if (!ReferenceEquals(_connection, value))
            {
                ReleasePrepared();
            }
            _connection = value;
        }
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => Connection = (DuckDbConnection?)value;
    }

    public new DuckDbParameterCollection Parameters { get; } = new();

    protected override DbParameterCollection DbParameterCollection => Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() => _connection?.Interrupt();

    public new DuckDbParameter CreateParameter() => new();

    protected override DbParameter CreateDbParameter() => CreateParameter();

    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteReader();
        while (reader.NextResult())
        {
        }
        return reader.RecordsAffected;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        var value = reader.Read() ? reader.GetValue(0) : null;
        while (reader.NextResult())
        {
        }
        return value;
    }

    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)ExecuteDbDataReader(CommandBehavior.Default);

    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => (DuckDbDataReader)ExecuteDbDataReader(behavior);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var sequence = Statements();
        // A single statement stays prepared on the command for the next run; a script is prepared afresh each time.
        var ownsSequence = sequence.Count > 1;
        if (ownsSequence)
        {
            _prepared = null;
        }
        return new DuckDbDataReader(this, sequence, ownsSequence, behavior);
    }

    public override void Prepare()
    {
        var sequence = Statements();
        if (sequence.Count == 1)
        {
            sequence.Get(0);
        }
    }

    internal ResultHandle Execute(PreparedStatementHandle statement)
    {
        ParameterBinder.BindAll(statement, Parameters, _commandText);
        var result = new ResultHandle();
        if (NativeMethods.duckdb_execute_prepared(statement, result.Pointer) != DuckDbState.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result.Pointer)) ?? "unknown error";
            result.Dispose();
            throw new DuckDbException(message, _commandText);
        }
        return result;
    }

    private StatementSequence Statements()
    {
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        var handle = connection.Handle;
        if (_prepared is not null && ReferenceEquals(_prepared.Connection, handle) && !handle.IsClosed)
        {
            return _prepared;
        }
        ReleasePrepared();
        if (string.IsNullOrWhiteSpace(_commandText))
        {
            throw new InvalidOperationException("The command has no SQL.");
        }
        _prepared = new StatementSequence(handle, _commandText);
        return _prepared;
    }

    private void ReleasePrepared()
    {
        _prepared?.Dispose();
        _prepared = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReleasePrepared();
        }
        base.Dispose(disposing);
    }
}
