using System.Text;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// Bulk loads rows into a table: values go in column order, one <see cref="EndRow"/> per row. Values are written
/// straight into a DuckDB data chunk of 2048 rows, which is handed to DuckDB's appender when full, so a row costs
/// no native call per value. Rows take part in the connection's transaction, if one is open; they reach the
/// table on <see cref="Flush"/> or <see cref="Close"/>; disposing without Close discards what was not flushed,
/// and a half-filled row is never written. Errors name the row (1-based, counting every row appended)
/// and the column.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly string _table;
    private readonly AppenderColumn[] _columns;
    private readonly int _capacity;
    private readonly DataChunkHandle _chunk;
    private byte[] _buffer = new byte[256];
    private long _rowsBeforeChunk;
    private int _row;
    private int _column;
    private bool _closed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        _table = schema is null ? table : $"{schema}.{table}";
        var state = NativeMethods.duckdb_appender_create(connection.Handle, schema, table, out var raw);
        _handle = AppenderHandle.Adopt(raw);
        if (state != DuckDbState.Success)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(_handle));
            _handle.Dispose();
            throw new DuckDbException($"Cannot append to {_table}: {error}", null);
        }
        var names = ColumnNames(connection, schema, table);
        var count = (int)NativeMethods.duckdb_appender_column_count(_handle);
        _columns = new AppenderColumn[count];
        var types = new IntPtr[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.duckdb_appender_column_type(_handle, (ulong)i);
                _columns[i] = AppenderColumn.Describe(types[i], i < names.Count ? names[i] : $"column {i + 1}");
            }
            fixed (IntPtr* p = types)
            {
                _chunk = DataChunkHandle.Create(NativeMethods.duckdb_create_data_chunk(p, (ulong)count));
            }
        }
        finally
        {
            foreach (var type in types)
            {
                new OwnedLogicalType(type).Dispose();
            }
        }
        _capacity = (int)NativeMethods.duckdb_vector_size();
        PointColumns();
    }

    /// <summary>Rows ended so far.</summary>
    public long RowsAppended => _rowsBeforeChunk + _row;

    public DuckDbAppender Append(bool value)
    {
        ref var c = ref Current(DuckDbType.Boolean, "Boolean");
        c.Write(_row, (byte)(value ? 1 : 0));
        return Next();
    }

    public DuckDbAppender Append(short value) => Append((long)value);

    public DuckDbAppender Append(int value) => Append((long)value);

    public DuckDbAppender Append(long value)
    {
        ref var c = ref Current();
        switch (c.Storage)
        {
            case DuckDbType.BigInt when c.Type != DuckDbType.Decimal:
                c.Write(_row, value);
                break;
            case DuckDbType.Integer when c.Type != DuckDbType.Decimal:
                CheckRange(value, int.MinValue, int.MaxValue, ref c);
                c.Write(_row, (int)value);
                break;
            case DuckDbType.SmallInt when c.Type != DuckDbType.Decimal:
                CheckRange(value, short.MinValue, short.MaxValue, ref c);
                c.Write(_row, (short)value);
                break;
            case DuckDbType.TinyInt:
                CheckRange(value, sbyte.MinValue, sbyte.MaxValue, ref c);
                c.Write(_row, (sbyte)value);
                break;
            case DuckDbType.UTinyInt:
                CheckRange(value, byte.MinValue, byte.MaxValue, ref c);
                c.Write(_row, (byte)value);
                break;
            case DuckDbType.USmallInt:
                CheckRange(value, ushort.MinValue, ushort.MaxValue, ref c);
                c.Write(_row, (ushort)value);
                break;
            case DuckDbType.UInteger:
                CheckRange(value, uint.MinValue, uint.MaxValue, ref c);
                c.Write(_row, (uint)value);
                break;
            case DuckDbType.UBigInt:
                c.Write(_row, value >= 0 ? (ulong)value : throw Mismatch(ref c, $"{value} is negative"));
                break;
            case DuckDbType.HugeInt when c.Type == DuckDbType.HugeInt:
                c.Write(_row, ParameterBinder.ToHugeInt(value));
                break;
            case DuckDbType.Double:
                c.Write(_row, (double)value);
                break;
            case DuckDbType.Float:
                c.Write(_row, (float)value);
                break;
            default:
                if (c.Type == DuckDbType.Decimal)
                {
                    return Append((decimal)value);
                }
                throw Mismatch(ref c, "Int64");
        }
        return Next();
    }

    public DuckDbAppender Append(Int128 value)
    {
        ref var c = ref Current(DuckDbType.HugeInt, "Int128");
        c.Write(_row, ParameterBinder.ToHugeInt(value));
        return Next();
    }

    public DuckDbAppender Append(double value)
    {
        ref var c = ref Current();
        switch (c.Type)
        {
            case DuckDbType.Double:
                c.Write(_row, value);
                break;
            case DuckDbType.Float:
                c.Write(_row, (float)value);
                break;
            case DuckDbType.Decimal:
                return Append((decimal)value);
            default:
                throw Mismatch(ref c, "Double");
        }
        return Next();
    }

    public DuckDbAppender Append(float value) => Append((double)value);

    public DuckDbAppender Append(decimal value)
    {
        ref var c = ref Current();
        if (c.Type is DuckDbType.Double or DuckDbType.Float)
        {
            return Append((double)value);
        }
        if (c.Type != DuckDbType.Decimal)
        {
            throw Mismatch(ref c, "Decimal");
        }
        // The column stores value * 10^scale as an integer of its width; rounding half away from zero like a CAST.
        var scaled = decimal.Round(value, c.Scale, MidpointRounding.AwayFromZero);
        var unscaled = (Int128)(scaled * Pow10(c.Scale));
        if (c.Width < 29 && Int128.Abs(unscaled) >= (Int128)Pow10(c.Width))
        {
            throw Mismatch(ref c, $"{value}: more digits than DECIMAL({c.Width},{c.Scale}) holds");
        }
        switch (c.Storage)
        {
            case DuckDbType.SmallInt:
                c.Write(_row, (short)NarrowDecimal(unscaled, short.MinValue, short.MaxValue, ref c, value));
                break;
            case DuckDbType.Integer:
                c.Write(_row, (int)NarrowDecimal(unscaled, int.MinValue, int.MaxValue, ref c, value));
                break;
            case DuckDbType.BigInt:
                c.Write(_row, (long)NarrowDecimal(unscaled, long.MinValue, long.MaxValue, ref c, value));
                break;
            default:
                c.Write(_row, ParameterBinder.ToHugeInt(unscaled));
                break;
        }
        return Next();
    }

    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_buffer.Length < max)
        {
            _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        }
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        return AppendUtf8(_buffer.AsSpan(0, length));
    }

    /// <summary>Already-encoded UTF-8 text (or BLOB bytes), copied into the chunk without a string in between.</summary>
    public DuckDbAppender AppendUtf8(ReadOnlySpan<byte> value)
    {
        ref var c = ref Current();
        if (c.Type is not (DuckDbType.Varchar or DuckDbType.Blob))
        {
            throw Mismatch(ref c, "String");
        }
        byte empty = 0;
        fixed (byte* p = value)
        {
            NativeMethods.duckdb_vector_assign_string_element_len(c.Vector, (ulong)_row, value.IsEmpty ? &empty : p, (ulong)value.Length);
        }
        return Next();
    }

    public DuckDbAppender Append(byte[]? value) => value is null ? AppendNull() : AppendUtf8(value);

    public DuckDbAppender Append(DateOnly value)
    {
        ref var c = ref Current();
        switch (c.Type)
        {
            case DuckDbType.Date:
                c.Write(_row, Temporal.ToDays(value));
                break;
            case DuckDbType.Timestamp or DuckDbType.TimestampTz:
                c.Write(_row, Temporal.ToMicros(value.ToDateTime(TimeOnly.MinValue)));
                break;
            default:
                throw Mismatch(ref c, "DateOnly");
        }
        return Next();
    }

    /// <summary>A timestamp; into a TIMESTAMPTZ column it is taken as UTC whatever its Kind (SupportLens stores UTC).</summary>
    public DuckDbAppender Append(DateTime value)
    {
        ref var c = ref Current();
        switch (c.Type)
        {
            case DuckDbType.Timestamp or DuckDbType.TimestampTz:
                c.Write(_row, Temporal.ToMicros(value));
                break;
            case DuckDbType.Date:
                c.Write(_row, Temporal.ToDays(DateOnly.FromDateTime(value)));
                break;
            default:
                throw Mismatch(ref c, "DateTime");
        }
        return Next();
    }

    public DuckDbAppender Append(DateTimeOffset value) => Append(value.UtcDateTime);

    public DuckDbAppender Append(TimeOnly value)
    {
        ref var c = ref Current(DuckDbType.Time, "TimeOnly");
        c.Write(_row, value.Ticks / TimeSpan.TicksPerMicrosecond);
        return Next();
    }

    public DuckDbAppender Append(DuckDbInterval value)
    {
        ref var c = ref Current(DuckDbType.Interval, "DuckDbInterval");
        c.Write(_row, ParameterBinder.ToInterval(value));
        return Next();
    }

    public DuckDbAppender Append(Guid value)
    {
        ref var c = ref Current(DuckDbType.Uuid, "Guid");
        var uuid = ParameterBinder.ToUuid(value);
        // Stored with the top bit flipped so that UUIDs sort as their text does.
        c.Write(_row, new DuckDbHugeInt { Lower = uuid.Lower, Upper = (long)(uuid.Upper ^ 0x8000_0000_0000_0000UL) });
        return Next();
    }

    public DuckDbAppender Append(int? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(long? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(double? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(bool? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(decimal? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateOnly? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateTime? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateTimeOffset? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender AppendNull()
    {
        ref var c = ref Current();
        c.SetNull(_row);
        return Next();
    }

    /// <summary>Finishes the current row; every column must have had a value.</summary>
    public void EndRow()
    {
        if (_column != _columns.Length)
        {
            throw new DuckDbException(
                $"Appending to {_table} failed at row {RowsAppended + 1}: {_column} value(s) given, the table has {_columns.Length} column(s).", null);
        }
        _column = 0;
        if (++_row == _capacity)
        {
            AppendChunk();
        }
    }

    /// <summary>Writes the rows appended so far to the table.</summary>
    public void Flush()
    {
        EnsureOpen();
        AppendChunk();
        if (NativeMethods.duckdb_appender_flush(_handle) != DuckDbState.Success)
        {
            throw Failure("flushing");
        }
    }

    /// <summary>Flushes and closes; after this the appender takes no more rows.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }
        try
        {
            AppendChunk();
            if (NativeMethods.duckdb_appender_close(_handle) != DuckDbState.Success)
            {
                throw Failure("closing");
            }
        }
        finally
        {
            _closed = true;
            _chunk.Dispose();
            _handle.Dispose();
        }
    }

    /// <summary>Releases the appender. Without <see cref="Close"/> first, rows not yet flushed are discarded.</summary>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            NativeMethods.duckdb_appender_clear(_handle);
            _chunk.Dispose();
            _handle.Dispose();
        }
    }

    private void AppendChunk()
    {
        if (_row == 0)
        {
            return;
        }
        NativeMethods.duckdb_data_chunk_set_size(_chunk.Pointer, (ulong)_row);
        if (NativeMethods.duckdb_append_data_chunk(_handle, _chunk.Pointer) != DuckDbState.Success)
        {
            throw Failure($"rows {_rowsBeforeChunk + 1}-{_rowsBeforeChunk + _row}");
        }
        _rowsBeforeChunk += _row;
        _row = 0;
        NativeMethods.duckdb_data_chunk_reset(_chunk.Pointer);
        PointColumns();
    }

    private void PointColumns()
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Point(NativeMethods.duckdb_data_chunk_get_vector(_chunk.Pointer, (ulong)i));
        }
    }

    private ref AppenderColumn Current()
    {
        EnsureOpen();
        if (_column >= _columns.Length)
        {
            throw new DuckDbException(
                $"Appending to {_table} failed at row {RowsAppended + 1}: more values than the table's {_columns.Length} column(s); call EndRow().", null);
        }
        return ref _columns[_column];
    }

    private ref AppenderColumn Current(DuckDbType expected, string given)
    {
        ref var c = ref Current();
        if (c.Type != expected)
        {
            throw Mismatch(ref c, given);
        }
        return ref c;
    }

    private DuckDbAppender Next()
    {
        _column++;
        return this;
    }

    private void CheckRange(long value, long min, long max, ref AppenderColumn c)
    {
        if (value < min || value > max)
        {
            throw Mismatch(ref c, $"{value}: out of range");
        }
    }

    private Int128 NarrowDecimal(Int128 unscaled, long min, long max, ref AppenderColumn c, decimal value) =>
        unscaled < min || unscaled > max ? throw Mismatch(ref c, $"{value} does not fit the column's precision") : unscaled;

    private static decimal Pow10(byte scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10;
        }
        return result;
    }

    private DuckDbException Mismatch(ref AppenderColumn c, string given) =>
        new($"Appending to {_table} failed at row {RowsAppended + 1}, column {_column + 1} ({c.Name}, {c.Type.ToString().ToUpperInvariant()}): cannot take {given}.", null);

    private DuckDbException Failure(string where)
    {
        var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(_handle)) ?? "unknown error";
        return new DuckDbException($"Appending to {_table} failed at {where}: {error}", null);
    }

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_closed, this);

    private static List<string> ColumnNames(DuckDbConnection connection, string? schema, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT column_name FROM duckdb_columns() WHERE table_name = $table AND schema_name = coalesce($schema, current_schema()) ORDER BY column_index";
        command.Parameters.Add("table", table);
        command.Parameters.Add("schema", schema);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
