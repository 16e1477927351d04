using System.Collections;
using System.Data.Common;

namespace SupportLens.Storage.Sql;

/// <summary>
/// The rows of a query as ADO.NET reads them, except that a TIMESTAMPTZ value is always a UTC
/// <see cref="DateTimeOffset"/> (DuckDB.NET hands out a DateTime of unspecified kind, which code elsewhere could take
/// for local time).
/// </summary>
internal sealed class WarehouseReader : DbDataReader
{
    private readonly DbDataReader _inner;
    private bool[] _instant;

    internal WarehouseReader(DbDataReader inner)
    {
        _inner = inner;
        _instant = Instants(inner);
    }

    public override object GetValue(int ordinal)
    {
        var value = _inner.GetValue(ordinal);
        return _instant[ordinal] && value is DateTime time ? AsInstant(time) : value;
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }
        return count;
    }

    public override T GetFieldValue<T>(int ordinal) =>
        _instant[ordinal] && (typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(object))
            ? (T)(object)AsInstant(_inner.GetFieldValue<DateTime>(ordinal))
            : _inner.GetFieldValue<T>(ordinal);

    public override Type GetFieldType(int ordinal) => _instant[ordinal] ? typeof(DateTimeOffset) : _inner.GetFieldType(ordinal);

    public override DateTime GetDateTime(int ordinal) =>
        _instant[ordinal]
            ? throw new InvalidCastException($"Column {GetName(ordinal)} is an instant (TIMESTAMPTZ): read it with GetDateTimeOffset.")
            : _inner.GetDateTime(ordinal);

    public override bool Read() => _inner.Read();

    public override bool NextResult()
    {
        var more = _inner.NextResult();
        if (more)
        {
            _instant = Instants(_inner);
        }
        return more;
    }

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int Depth => _inner.Depth;

    public override int FieldCount => _inner.FieldCount;

    public override bool HasRows => _inner.HasRows;

    public override bool IsClosed => _inner.IsClosed;

    public override int RecordsAffected => _inner.RecordsAffected;

    public override bool GetBoolean(int ordinal) => _inner.GetBoolean(ordinal);

    public override byte GetByte(int ordinal) => _inner.GetByte(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        _inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override char GetChar(int ordinal) => _inner.GetChar(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        _inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override string GetDataTypeName(int ordinal) => _inner.GetDataTypeName(ordinal);

    public override decimal GetDecimal(int ordinal) => _inner.GetDecimal(ordinal);

    public override double GetDouble(int ordinal) => _inner.GetDouble(ordinal);

    public override float GetFloat(int ordinal) => _inner.GetFloat(ordinal);

    public override Guid GetGuid(int ordinal) => _inner.GetGuid(ordinal);

    public override short GetInt16(int ordinal) => _inner.GetInt16(ordinal);

    public override int GetInt32(int ordinal) => _inner.GetInt32(ordinal);

    public override long GetInt64(int ordinal) => _inner.GetInt64(ordinal);

    public override string GetName(int ordinal) => _inner.GetName(ordinal);

    public override int GetOrdinal(string name) => _inner.GetOrdinal(name);

    public override string GetString(int ordinal) => _inner.GetString(ordinal);

    public override bool IsDBNull(int ordinal) => _inner.IsDBNull(ordinal);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    internal static DateTimeOffset AsInstant(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static bool[] Instants(DbDataReader reader)
    {
        var instants = new bool[reader.FieldCount];
        for (var i = 0; i < instants.Length; i++)
        {
            instants[i] = string.Equals(reader.GetDataTypeName(i), "TimestampTz", StringComparison.OrdinalIgnoreCase);
        }
        return instants;
    }
}
