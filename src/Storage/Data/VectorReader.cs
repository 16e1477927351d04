using System.Numerics;
using System.Text;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// Reads the values of one column out of the current data chunk, straight from DuckDB's vector memory.
/// Built once per column from its logical type and re-pointed at each new chunk.
/// </summary>
internal sealed unsafe class VectorReader
{
    private readonly DuckDbType _storage;
    private readonly byte _scale;
    private readonly string[]? _enumValues;
    private readonly VectorReader? _child;
    private byte* _data;
    private ulong* _validity;

    internal VectorReader(IntPtr logicalType)
    {
        LogicalType = NativeMethods.duckdb_get_type_id(logicalType);
        _storage = LogicalType;
        switch (LogicalType)
        {
            case DuckDbType.Decimal:
                _scale = NativeMethods.duckdb_decimal_scale(logicalType);
                _storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
                break;
            case DuckDbType.Enum:
                _storage = NativeMethods.duckdb_enum_internal_type(logicalType);
                _enumValues = new string[NativeMethods.duckdb_enum_dictionary_size(logicalType)];
                for (var i = 0; i < _enumValues.Length; i++)
                {
                    _enumValues[i] = NativeMethods.TakeUtf8(NativeMethods.duckdb_enum_dictionary_value(logicalType, (ulong)i)) ?? "";
                }
                break;
            case DuckDbType.List:
                using (var childType = new OwnedLogicalType(NativeMethods.duckdb_list_type_child_type(logicalType)))
                {
                    _child = new VectorReader(childType.Pointer);
                }
                break;
        }
        FieldType = ClrTypeOf(LogicalType, _child);
    }

    internal DuckDbType LogicalType { get; }

    internal Type FieldType { get; }

    internal string TypeName => LogicalType.ToString().ToUpperInvariant();

    internal void Bind(IntPtr vector)
    {
        _data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        _validity = (ulong*)NativeMethods.duckdb_vector_get_validity(vector);
        _child?.Bind(NativeMethods.duckdb_list_vector_get_child(vector));
    }

    internal bool IsNull(ulong row) => _validity != null && (_validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    internal object GetValue(ulong row) => LogicalType switch
    {
        DuckDbType.Boolean => GetBoolean(row),
        DuckDbType.TinyInt => Read<sbyte>(row),
        DuckDbType.SmallInt => Read<short>(row),
        DuckDbType.Integer => Read<int>(row),
        DuckDbType.BigInt => Read<long>(row),
        DuckDbType.UTinyInt => Read<byte>(row),
        DuckDbType.USmallInt => Read<ushort>(row),
        DuckDbType.UInteger => Read<uint>(row),
        DuckDbType.UBigInt => Read<ulong>(row),
        DuckDbType.HugeInt => (BigInteger)GetInt128(row),
        DuckDbType.UHugeInt => (BigInteger)Read<UInt128>(row),
        DuckDbType.Float => Read<float>(row),
        DuckDbType.Double => Read<double>(row),
        DuckDbType.Decimal => GetDecimal(row),
        DuckDbType.Varchar or DuckDbType.Enum => GetString(row),
        DuckDbType.Blob => GetBytes(row),
        DuckDbType.Date => GetDateTime(row),
        DuckDbType.Time => GetTimeSpan(row),
        DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => GetDateTime(row),
        DuckDbType.TimestampTz => GetDateTimeOffset(row),
        DuckDbType.Interval => GetInterval(row),
        DuckDbType.Uuid => GetGuid(row),
        DuckDbType.List => GetList(row),
        DuckDbType.SqlNull => DBNull.Value,
        _ => throw Unsupported(),
    };

    internal bool GetBoolean(ulong row) => LogicalType == DuckDbType.Boolean ? _data[row] != 0 : GetInt64(row) != 0;

    internal long GetInt64(ulong row) => _storage switch
    {
        DuckDbType.TinyInt => Read<sbyte>(row),
        DuckDbType.SmallInt => Read<short>(row),
        DuckDbType.Integer => Read<int>(row),
        DuckDbType.BigInt => Read<long>(row),
        DuckDbType.UTinyInt => Read<byte>(row),
        DuckDbType.USmallInt => Read<ushort>(row),
        DuckDbType.UInteger => Read<uint>(row),
        DuckDbType.UBigInt => checked((long)Read<ulong>(row)),
        DuckDbType.HugeInt => checked((long)GetInt128(row)),
        DuckDbType.Boolean => _data[row],
        _ => throw InvalidCast(typeof(long)),
    };

    internal Int128 GetInt128(ulong row)
    {
        var value = Read<DuckDbHugeInt>(row);
        return ((Int128)value.Upper << 64) | value.Lower;
    }

    internal double GetDouble(ulong row) => LogicalType switch
    {
        DuckDbType.Double => Read<double>(row),
        DuckDbType.Float => Read<float>(row),
        DuckDbType.Decimal => (double)GetDecimal(row),
        DuckDbType.HugeInt => (double)GetInt128(row),
        _ => GetInt64(row),
    };

    internal decimal GetDecimal(ulong row)
    {
        if (LogicalType != DuckDbType.Decimal)
        {
            return LogicalType is DuckDbType.Double or DuckDbType.Float ? (decimal)GetDouble(row) : GetInt64(row);
        }
        Int128 unscaled = _storage switch
        {
            DuckDbType.SmallInt => Read<short>(row),
            DuckDbType.Integer => Read<int>(row),
            DuckDbType.BigInt => Read<long>(row),
            _ => GetInt128(row),
        };
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        var scale = _scale;
        // System.Decimal holds 96 bits and a scale of at most 28; drop digits beyond that only if they are zeros.
        while ((magnitude >> 96 != 0 || scale > 28) && scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }
        if (magnitude >> 96 != 0 || scale > 28)
        {
            throw new OverflowException($"The DECIMAL value {(negative ? "-" : "")}{magnitude} (scale {_scale}) does not fit in System.Decimal.");
        }
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    internal string GetString(ulong row)
    {
        if (LogicalType == DuckDbType.Enum)
        {
            var index = _storage switch
            {
                DuckDbType.UTinyInt => Read<byte>(row),
                DuckDbType.USmallInt => Read<ushort>(row),
                _ => (int)Read<uint>(row),
            };
            return _enumValues![index];
        }
        if (LogicalType != DuckDbType.Varchar)
        {
            return Convert.ToString(GetValue(row), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        var span = GetRawBytes(row);
        return Encoding.UTF8.GetString(span);
    }

    internal byte[] GetBytes(ulong row) => LogicalType is DuckDbType.Blob or DuckDbType.Varchar
        ? GetRawBytes(row).ToArray()
        : throw InvalidCast(typeof(byte[]));

    internal ReadOnlySpan<byte> GetRawBytes(ulong row)
    {
        var s = (DuckDbStringT*)(_data + (row * 16));
        var length = (int)s->Length;
        return length <= DuckDbStringT.InlineLength
            ? new ReadOnlySpan<byte>(s->Inlined, length)
            : new ReadOnlySpan<byte>(s->Pointer, length);
    }

    internal DateTime GetDateTime(ulong row) => LogicalType switch
    {
        DuckDbType.Date => Temporal.FromDays(Read<int>(row)),
        DuckDbType.Timestamp => Temporal.FromMicros(Read<long>(row)),
        DuckDbType.TimestampTz => Temporal.FromMicros(Read<long>(row)).ToUniversalTimeKind(),
        DuckDbType.TimestampS => Temporal.FromMicros(checked(Read<long>(row) * 1_000_000)),
        DuckDbType.TimestampMs => Temporal.FromMicros(checked(Read<long>(row) * 1_000)),
        DuckDbType.TimestampNs => Temporal.FromMicros(Read<long>(row) / 1_000).AddTicks(Read<long>(row) % 1_000 / 100),
        _ => throw InvalidCast(typeof(DateTime)),
    };

    internal DateTimeOffset GetDateTimeOffset(ulong row)
    {
        var utc = GetDateTime(row);
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    internal TimeSpan GetTimeSpan(ulong row) => LogicalType switch
    {
        DuckDbType.Time => TimeSpan.FromTicks(Read<long>(row) * TimeSpan.TicksPerMicrosecond),
        DuckDbType.Interval => GetInterval(row).ToTimeSpan(),
        _ => throw InvalidCast(typeof(TimeSpan)),
    };

    internal DuckDbInterval GetInterval(ulong row)
    {
        var value = Read<DuckDbIntervalStruct>(row);
        return new DuckDbInterval(value.Months, value.Days, value.Micros);
    }

    internal Guid GetGuid(ulong row)
    {
        if (LogicalType == DuckDbType.Varchar)
        {
            return Guid.Parse(GetString(row));
        }
        var value = Read<DuckDbHugeInt>(row);
        // DuckDB flips the top bit so that UUIDs sort as their text does.
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[..8], (ulong)value.Upper ^ 0x8000_0000_0000_0000UL);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    internal object GetList(ulong row)
    {
        var entry = Read<DuckDbListEntry>(row);
        return _child!.ReadList(entry.Offset, entry.Length);
    }

    private object ReadList(ulong offset, ulong length)
    {
        switch (LogicalType)
        {
            case DuckDbType.Varchar:
                var strings = new List<string?>((int)length);
                for (var i = offset; i < offset + length; i++)
                {
                    strings.Add(IsNull(i) ? null : GetString(i));
                }
                return strings;
            case DuckDbType.Integer:
                var ints = new List<int?>((int)length);
                for (var i = offset; i < offset + length; i++)
                {
                    ints.Add(IsNull(i) ? null : Read<int>(i));
                }
                return ints;
            case DuckDbType.BigInt:
                var longs = new List<long?>((int)length);
                for (var i = offset; i < offset + length; i++)
                {
                    longs.Add(IsNull(i) ? null : Read<long>(i));
                }
                return longs;
            default:
                var values = new List<object?>((int)length);
                for (var i = offset; i < offset + length; i++)
                {
                    values.Add(IsNull(i) ? null : GetValue(i));
                }
                return values;
        }
    }

    private T Read<T>(ulong row)
        where T : unmanaged => ((T*)_data)[row];

    private static Type ClrTypeOf(DuckDbType type, VectorReader? child) => type switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => typeof(BigInteger),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Varchar or DuckDbType.Enum => typeof(string),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date or DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => typeof(DateTime),
        DuckDbType.TimestampTz => typeof(DateTimeOffset),
        DuckDbType.Time => typeof(TimeSpan),
        DuckDbType.Interval => typeof(DuckDbInterval),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.List => child!.LogicalType switch
        {
            DuckDbType.Varchar => typeof(List<string?>),
            DuckDbType.Integer => typeof(List<int?>),
            DuckDbType.BigInt => typeof(List<long?>),
            _ => typeof(List<object?>),
        },
        _ => typeof(object),
    };

    private NotSupportedException Unsupported() =>
        new($"Reading DuckDB columns of type {TypeName} is not supported; cast the column in SQL (for example to VARCHAR).");

    private InvalidCastException InvalidCast(Type wanted) =>
        new($"A {TypeName} column cannot be read as {wanted.Name}.");
}

internal static class DateTimeKindExtensions
{
    internal static DateTime ToUniversalTimeKind(this DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
