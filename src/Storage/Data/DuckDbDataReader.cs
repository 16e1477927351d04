using System.Collections;
using System.Data;
using System.Data.Common;
using System.Numerics;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// Forward-only reader over DuckDB results, one data chunk (up to 2048 rows) at a time, reading values straight
/// out of the chunk's vectors. Each statement of the command is one result; statements that return no rows
/// (DDL, INSERT) are run in order and counted in <see cref="RecordsAffected"/>.
/// </summary>
public sealed class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbCommand _command;
    private readonly StatementSequence _statements;
    private readonly bool _ownsStatements;
    private readonly CommandBehavior _behavior;
    private int _nextStatement;
    private ResultHandle? _result;
    private VectorReader[] _columns = [];
    private string[] _names = [];
    private DataChunkHandle? _chunk;
    private ulong _chunkSize;
    private ulong _row;
    private bool _onRow;
    private bool _closed;
    private int _recordsAffected = -1;

    internal DuckDbDataReader(DuckDbCommand command, StatementSequence statements, bool ownsStatements, CommandBehavior behavior)
    {
        _command = command;
        _statements = statements;
        _ownsStatements = ownsStatements;
        _behavior = behavior;
        try
        {
            AdvanceToNextQueryResult();
        }
        catch
        {
            Close();
            throw;
        }
    }

    public override int FieldCount => _columns.Length;

    public override int RecordsAffected => _recordsAffected;

    public override bool HasRows
    {
        get
        {
            if (_onRow)
            {
                return true;
            }
            return _result is not null && EnsureChunk();
        }
    }

    public override bool IsClosed => _closed;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (_result is null)
        {
            return false;
        }
        if (_onRow)
        {
            _row++;
        }
        if (!EnsureChunk())
        {
            _onRow = false;
            return false;
        }
        _onRow = true;
        return true;
    }

    public override bool NextResult()
    {
        ReleaseResult();
        return AdvanceToNextQueryResult();
    }

    public override string GetName(int ordinal) => _names[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    public override string GetDataTypeName(int ordinal) => _columns[ordinal].TypeName;

    public override Type GetFieldType(int ordinal) => _columns[ordinal].FieldType;

    public override bool IsDBNull(int ordinal) => Column(ordinal).IsNull(_row);

    public override object GetValue(int ordinal)
    {
        var column = Column(ordinal);
        return column.IsNull(_row) ? DBNull.Value : column.GetValue(_row);
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, _columns.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }
        return count;
    }

    public override bool GetBoolean(int ordinal) => NotNull(ordinal).GetBoolean(_row);

    public override byte GetByte(int ordinal) => checked((byte)NotNull(ordinal).GetInt64(_row));

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override short GetInt16(int ordinal) => checked((short)NotNull(ordinal).GetInt64(_row));

    public override int GetInt32(int ordinal) => checked((int)NotNull(ordinal).GetInt64(_row));

    public override long GetInt64(int ordinal) => NotNull(ordinal).GetInt64(_row);

    public override float GetFloat(int ordinal) => (float)NotNull(ordinal).GetDouble(_row);

    public override double GetDouble(int ordinal) => NotNull(ordinal).GetDouble(_row);

    public override decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(_row);

    public override string GetString(int ordinal) => NotNull(ordinal).GetString(_row);

    public override DateTime GetDateTime(int ordinal) => NotNull(ordinal).GetDateTime(_row);

    public override Guid GetGuid(int ordinal) => NotNull(ordinal).GetGuid(_row);

    public DateTimeOffset GetDateTimeOffset(int ordinal) => NotNull(ordinal).GetDateTimeOffset(_row);

    public DateOnly GetDateOnly(int ordinal) => DateOnly.FromDateTime(GetDateTime(ordinal));

    public TimeSpan GetTimeSpan(int ordinal) => NotNull(ordinal).GetTimeSpan(_row);

    public DuckDbInterval GetInterval(int ordinal) => NotNull(ordinal).GetInterval(_row);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = NotNull(ordinal).GetRawBytes(_row);
        if (buffer is null)
        {
            return bytes.Length;
        }
        var available = Math.Max(0, bytes.Length - (int)dataOffset);
        var count = Math.Min(available, length);
        bytes.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }
        var count = Math.Min(Math.Max(0, text.Length - (int)dataOffset), length);
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override T GetFieldValue<T>(int ordinal)
    {
        var type = typeof(T);
        var underlying = Nullable.GetUnderlyingType(type);
        if (IsDBNull(ordinal))
        {
            if (underlying is not null || !type.IsValueType)
            {
                return default!;
            }
            throw NullValue(ordinal);
        }
        type = underlying ?? type;
        var column = _columns[ordinal];
        object value = type switch
        {
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(column.GetDateTime(_row)),
            _ when type == typeof(TimeOnly) => TimeOnly.FromTimeSpan(column.GetTimeSpan(_row)),
            _ when type == typeof(DateTimeOffset) => column.GetDateTimeOffset(_row),
            _ when type == typeof(DateTime) => column.GetDateTime(_row),
            _ when type == typeof(TimeSpan) => column.GetTimeSpan(_row),
            _ when type == typeof(Int128) => column.GetInt128(_row),
            _ when type == typeof(BigInteger) && column.FieldType == typeof(BigInteger) => column.GetValue(_row),
            _ when type == typeof(string) => column.GetString(_row),
            _ when type == typeof(Guid) => column.GetGuid(_row),
            _ when type == typeof(decimal) => column.GetDecimal(_row),
            _ when type == typeof(double) => column.GetDouble(_row),
            _ when type == typeof(long) => column.GetInt64(_row),
            _ when type == typeof(int) => checked((int)column.GetInt64(_row)),
            _ => column.GetValue(_row),
        };
        return value is T typed ? typed : (T)Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        for (var i = 0; i < _columns.Length; i++)
        {
            table.Rows.Add(_names[i], i, _columns[i].FieldType, _columns[i].TypeName, true);
        }
        return table;
    }

    public override void Close()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        ReleaseResult();
        if (_ownsStatements)
        {
            _statements.Dispose();
        }
        if ((_behavior & CommandBehavior.CloseConnection) != 0)
        {
            _command.Connection?.Close();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }
        base.Dispose(disposing);
    }

    private bool AdvanceToNextQueryResult()
    {
        while (_nextStatement < _statements.Count)
        {
            var statement = _statements.Get(_nextStatement++);
            var result = _command.Execute(statement);
            var kind = NativeMethods.duckdb_result_return_type(result.Value);
            if (kind == DuckDbResultType.QueryResult)
            {
                OpenResult(result);
                return true;
            }
            if (kind == DuckDbResultType.ChangedRows)
            {
                _recordsAffected = Math.Max(_recordsAffected, 0) + (int)NativeMethods.duckdb_rows_changed(result.Pointer);
            }
            result.Dispose();
        }
        _columns = [];
        _names = [];
        return false;
    }

    private void OpenResult(ResultHandle result)
    {
        _result = result;
        var count = (int)NativeMethods.duckdb_column_count(result.Pointer);
        _columns = new VectorReader[count];
        _names = new string[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ReadUtf8(NativeMethods.duckdb_column_name(result.Pointer, (ulong)i)) ?? $"column{i}";
            using var type = new OwnedLogicalType(NativeMethods.duckdb_column_logical_type(result.Pointer, (ulong)i));
            _columns[i] = new VectorReader(type.Pointer);
        }
        _row = 0;
        _chunkSize = 0;
        _onRow = false;
    }

    /// <summary>Makes sure the row cursor points into a chunk, fetching the next one when the current is used up.</summary>
    private bool EnsureChunk()
    {
        while (_chunk is null || _row >= _chunkSize)
        {
            DestroyChunk();
            _chunk = DataChunkHandle.Fetch(_result!);
            if (_chunk is null)
            {
                return false;
            }
            _chunkSize = NativeMethods.duckdb_data_chunk_get_size(_chunk.Pointer);
            _row = 0;
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(_chunk.Pointer, (ulong)i));
            }
        }
        return true;
    }

    private VectorReader Column(int ordinal)
    {
        if (!_onRow)
        {
            throw new InvalidOperationException("The reader is not on a row; call Read() first.");
        }
        return _columns[ordinal];
    }

    private VectorReader NotNull(int ordinal)
    {
        var column = Column(ordinal);
        return column.IsNull(_row) ? throw NullValue(ordinal) : column;
    }

    private InvalidCastException NullValue(int ordinal) =>
        new($"Column '{_names[ordinal]}' is NULL in this row; check IsDBNull first or read it as a nullable type.");

    private void DestroyChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
    }

    private void ReleaseResult()
    {
        DestroyChunk();
        _result?.Dispose();
        _result = null;
        _onRow = false;
    }
}
