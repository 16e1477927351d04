using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace SupportLens.Storage.Sql;

/// <summary>
/// Bulk-loads rows into one table through DuckDB's appender: values go in column order, then <see cref="EndRow"/>.
/// </summary>
/// <remarks>
/// DuckDB.NET writes a value with the width of its CLR type, not of the column (a <c>long</c> appended to an INTEGER
/// column stores garbage without an error), so the table's column types are read once and every value is converted to
/// its column's exact type, range-checked; an error names the row, the column and its type. The rows belong to a
/// transaction: the connection's, or one of the appender's own when none is open. <see cref="Complete"/> writes them
/// (and commits the appender's own transaction); disposing without completing discards the rows still buffered and
/// rolls the own transaction back, so nothing reaches the table. Inside a caller's transaction, rows already flushed
/// go when that transaction is rolled back.
/// </remarks>
public sealed class TableAppender : IDisposable
{
    private readonly WarehouseConnection _connection;
    private readonly string _table;
    private readonly ColumnType[] _columns;
    private readonly DuckDBAppender _native;
    private readonly WarehouseTransaction? _ownTransaction;
    private IDuckDBAppenderRow? _row;
    private int _column;
    private bool _completed;

    internal TableAppender(WarehouseConnection connection, TableLayout layout)
    {
        _connection = connection;
        _table = layout.Table;
        _columns = layout.Columns;
        _ownTransaction = connection.InTransaction ? null : connection.BeginTransaction();
        try
        {
            _native = connection.CreateNativeAppender(_table);
        }
        catch
        {
            _ownTransaction?.Dispose();
            throw;
        }
    }

    /// <summary>The table's columns, in the order values are appended.</summary>
    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Name)];

    /// <summary>Rows ended so far.</summary>
    public long RowsAppended { get; private set; }

    public TableAppender AppendNull()
    {
        Next();
        _row!.AppendNullValue();
        return Advance();
    }

    public TableAppender Append(bool? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        if (column.Kind != ColumnKind.Boolean)
        {
            throw Mismatch(column, "a boolean");
        }
        _row!.AppendValue(v);
        return Advance();
    }

    public TableAppender Append(int? value) => Append((long?)value);

    public TableAppender Append(short? value) => Append((long?)value);

    public TableAppender Append(long? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        var row = _row!;
        switch (column.Kind)
        {
            case ColumnKind.TinyInt: row.AppendValue((sbyte)InRange(column, v, sbyte.MinValue, sbyte.MaxValue)); break;
            case ColumnKind.SmallInt: row.AppendValue((short)InRange(column, v, short.MinValue, short.MaxValue)); break;
            case ColumnKind.Integer: row.AppendValue((int)InRange(column, v, int.MinValue, int.MaxValue)); break;
            case ColumnKind.BigInt: row.AppendValue(v); break;
            case ColumnKind.HugeInt: row.AppendValue(new BigInteger(v)); break;
            case ColumnKind.UTinyInt: row.AppendValue((byte)InRange(column, v, byte.MinValue, byte.MaxValue)); break;
            case ColumnKind.USmallInt: row.AppendValue((ushort)InRange(column, v, ushort.MinValue, ushort.MaxValue)); break;
            case ColumnKind.UInteger: row.AppendValue((uint)InRange(column, v, uint.MinValue, uint.MaxValue)); break;
            case ColumnKind.UBigInt: row.AppendValue((ulong)InRange(column, v, 0, long.MaxValue)); break;
            case ColumnKind.Float: row.AppendValue((float)v); break;
            case ColumnKind.Double: row.AppendValue((double)v); break;
            case ColumnKind.Decimal: row.AppendValue(FitDecimal(column, v)); break;
            default: throw Mismatch(column, "an integer");
        }
        return Advance();
    }

    public TableAppender Append(double? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.Double: _row!.AppendValue(v); break;
            case ColumnKind.Float: _row!.AppendValue((float)v); break;
            case ColumnKind.Decimal when double.IsFinite(v): _row!.AppendValue(FitDecimal(column, (decimal)v)); break;
            default: throw Mismatch(column, double.IsFinite(v) ? "a floating-point number" : $"{v}");
        }
        return Advance();
    }

    public TableAppender Append(decimal? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.Decimal: _row!.AppendValue(FitDecimal(column, v)); break;
            case ColumnKind.Double: _row!.AppendValue((double)v); break;
            case ColumnKind.Float: _row!.AppendValue((float)v); break;
            default:
                if (decimal.Truncate(v) == v && v is >= long.MinValue and <= long.MaxValue)
                {
                    // An integral decimal may fill an integer column of any width (range-checked there).
                    return Append((long)v);
                }
                throw Mismatch(column, "a decimal number");
        }
        return Advance();
    }

    public TableAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.Varchar or ColumnKind.Enum: _row!.AppendValue(value); break;
            case ColumnKind.Uuid when Guid.TryParse(value, out var id): _row!.AppendValue(id); break;
            default: throw Mismatch(column, "text");
        }
        return Advance();
    }

    /// <summary>An instant; stored as UTC in a TIMESTAMPTZ (or TIMESTAMP) column.</summary>
    public TableAppender Append(DateTimeOffset? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.TimestampTz or ColumnKind.Timestamp:
                _row!.AppendValue(DateTime.SpecifyKind(v.UtcDateTime, DateTimeKind.Unspecified));
                break;
            default: throw Mismatch(column, "an instant");
        }
        return Advance();
    }

    /// <summary>A timestamp; one of unspecified kind is taken as UTC, a local one converted to UTC.</summary>
    public TableAppender Append(DateTime? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var utc = v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v;
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.TimestampTz or ColumnKind.Timestamp:
                _row!.AppendValue(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified));
                break;
            case ColumnKind.Date when utc.TimeOfDay == TimeSpan.Zero:
                _row!.AppendValue(DateOnly.FromDateTime(utc));
                break;
            default: throw Mismatch(column, "a timestamp");
        }
        return Advance();
    }

    public TableAppender Append(DateOnly? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        if (column.Kind != ColumnKind.Date)
        {
            throw Mismatch(column, "a date");
        }
        _row!.AppendValue(v);
        return Advance();
    }

    public TableAppender Append(TimeSpan? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.Interval: _row!.AppendValue(v); break;
            case ColumnKind.Time when v >= TimeSpan.Zero && v < TimeSpan.FromDays(1): _row!.AppendValue(TimeOnly.FromTimeSpan(v)); break;
            default: throw Mismatch(column, "a duration");
        }
        return Advance();
    }

    public TableAppender Append(Guid? value)
    {
        if (value is not { } v)
        {
            return AppendNull();
        }
        var column = Next();
        switch (column.Kind)
        {
            case ColumnKind.Uuid: _row!.AppendValue(v); break;
            case ColumnKind.Varchar: _row!.AppendValue(v.ToString()); break;
            default: throw Mismatch(column, "a UUID");
        }
        return Advance();
    }

    public TableAppender Append(byte[]? value)
    {
        if (value is null)
        {
            return AppendNull();
        }
        var column = Next();
        if (column.Kind != ColumnKind.Blob)
        {
            throw Mismatch(column, "bytes");
        }
        _row!.AppendValue(value);
        return Advance();
    }

    /// <summary>Ends the row; every column must have had a value.</summary>
    public void EndRow()
    {
        if (_column != _columns.Length)
        {
            throw Error($"the row has {_column} value(s) but {_table} has {_columns.Length} columns");
        }
        Native(() => _row!.EndRow());
        _row = null;
        _column = 0;
        RowsAppended++;
    }

    /// <summary>Writes every row to the table (and commits the appender's own transaction, if it opened one).</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        if (_column != 0)
        {
            throw Error("the last row was not ended");
        }
        Native(_native.Close);
        _completed = true;
        _ownTransaction?.Commit();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            try
            {
                _native.Clear();
            }
            catch (Exception e) when (e is DuckDBException or InvalidOperationException)
            {
                // The appender may already be closed after a failed flush; the rollback below discards its rows.
            }
        }
        try
        {
            _native.Dispose();
        }
        catch (Exception e) when (e is DuckDBException or InvalidOperationException)
        {
            // Closing an appender whose rows were cleared has nothing left to write; a failure here loses nothing.
        }
        _ownTransaction?.Dispose();
    }

    private ColumnType Next()
    {
        if (_completed)
        {
            throw new InvalidOperationException($"The appender of {_table} is already complete.");
        }
        if (_column >= _columns.Length)
        {
            throw Error($"more values than the {_columns.Length} columns of {_table}");
        }
        if (_row is null)
        {
            try
            {
                _row = _native.CreateRow();
            }
            catch (DuckDBException e)
            {
                // Starting a row may flush a full chunk to the table, where DuckDB checks its constraints.
                throw new WarehouseException($"Cannot append to {_table} (up to row {RowsAppended + 1}): {e.Message}", null, e);
            }
        }
        return _columns[_column];
    }

    private TableAppender Advance()
    {
        _column++;
        return this;
    }

    private void Native(Action action)
    {
        try
        {
            action();
        }
        catch (DuckDBException e)
        {
            throw new WarehouseException($"Cannot append to {_table} (up to row {RowsAppended + 1}): {e.Message}", null, e);
        }
    }

    private long InRange(ColumnType column, long value, long min, long max) =>
        value >= min && value <= max ? value : throw Error($"{value} is out of range for {column}", column);

    private decimal FitDecimal(ColumnType column, decimal value)
    {
        // DuckDB stores value * 10^scale in an integer of at most `width` digits; round half away from zero like a CAST.
        var rounded = decimal.Round(value, column.Scale, MidpointRounding.AwayFromZero);
        var integerDigits = column.Width - column.Scale;
        var limit = integerDigits >= 28 ? decimal.MaxValue : Pow10(integerDigits);
        return Math.Abs(rounded) < limit ? rounded : throw Error($"{value.ToString(CultureInfo.InvariantCulture)} does not fit {column}", column);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }

    private WarehouseException Mismatch(ColumnType column, string what) => Error($"cannot store {what} in {column}", column);

    private WarehouseException Error(string why, ColumnType? column = null) =>
        new($"Cannot append to {_table}, row {RowsAppended + 1}{(column is null ? "" : $", column {column}")}: {why}", null);
}
