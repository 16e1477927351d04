using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Text;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>Binds CLR values to a prepared statement's parameters, choosing the DuckDB type from the CLR type.</summary>
internal static unsafe class ParameterBinder
{
    internal static void BindAll(PreparedStatementHandle statement, DuckDbParameterCollection parameters, string sql)
    {
        var count = NativeMethods.duckdb_nparams(statement);
        for (ulong index = 1; index <= count; index++)
        {
            var name = NativeMethods.TakeUtf8(NativeMethods.duckdb_parameter_name(statement, index)) ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parameter = parameters.Resolve(name)
                ?? throw new DuckDbException($"No value was given for parameter ${name}.", sql);
            var state = Bind(statement, index, parameter.Value);
            if (state != DuckDbState.Success)
            {
                var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(statement));
                throw new DuckDbException(
                    $"Could not bind parameter ${name} ({parameter.Value?.GetType().Name ?? "null"}): {error}", sql);
            }
        }
    }

    private static DuckDbState Bind(PreparedStatementHandle s, ulong i, object? value) => value switch
    {
        null or DBNull => NativeMethods.duckdb_bind_null(s, i),
        bool v => NativeMethods.duckdb_bind_boolean(s, i, v),
        sbyte v => NativeMethods.duckdb_bind_int8(s, i, v),
        short v => NativeMethods.duckdb_bind_int16(s, i, v),
        int v => NativeMethods.duckdb_bind_int32(s, i, v),
        long v => NativeMethods.duckdb_bind_int64(s, i, v),
        byte v => NativeMethods.duckdb_bind_uint8(s, i, v),
        ushort v => NativeMethods.duckdb_bind_uint16(s, i, v),
        uint v => NativeMethods.duckdb_bind_uint32(s, i, v),
        ulong v => NativeMethods.duckdb_bind_uint64(s, i, v),
        Int128 v => NativeMethods.duckdb_bind_hugeint(s, i, ToHugeInt(v)),
        BigInteger v => NativeMethods.duckdb_bind_hugeint(s, i, ToHugeInt((Int128)v)),
        float v => NativeMethods.duckdb_bind_float(s, i, v),
        double v => NativeMethods.duckdb_bind_double(s, i, v),
        decimal v => NativeMethods.duckdb_bind_decimal(s, i, ToDecimal(v)),
        string v => BindText(s, i, v),
        char v => BindText(s, i, v.ToString()),
        byte[] v => BindBlob(s, i, v),
        ReadOnlyMemory<byte> v => BindBlob(s, i, v.Span),
        DateTime v => NativeMethods.duckdb_bind_timestamp(s, i, Temporal.ToMicros(v)),
        DateTimeOffset v => NativeMethods.duckdb_bind_timestamp_tz(s, i, Temporal.ToMicros(v)),
        DateOnly v => NativeMethods.duckdb_bind_date(s, i, Temporal.ToDays(v)),
        TimeOnly v => NativeMethods.duckdb_bind_time(s, i, v.Ticks / TimeSpan.TicksPerMicrosecond),
        TimeSpan v => NativeMethods.duckdb_bind_interval(s, i, ToInterval(DuckDbInterval.FromTimeSpan(v))),
        DuckDbInterval v => NativeMethods.duckdb_bind_interval(s, i, ToInterval(v)),
        Guid v => BindValue(s, i, NativeMethods.duckdb_create_uuid(ToUuid(v))),
        Enum v => NativeMethods.duckdb_bind_int64(s, i, Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
        IEnumerable v => BindValue(s, i, ListValue.Create(v)),
        _ => throw new NotSupportedException($"A parameter of type {value.GetType().FullName} cannot be sent to DuckDB."),
    };

    private static DuckDbState BindText(PreparedStatementHandle s, ulong i, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            fixed (byte* p = rented)
            {
                return NativeMethods.duckdb_bind_varchar_length(s, i, p, (ulong)length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static DuckDbState BindBlob(PreparedStatementHandle s, ulong i, ReadOnlySpan<byte> data)
    {
        byte empty = 0;
        fixed (byte* p = data)
        {
            return NativeMethods.duckdb_bind_blob(s, i, data.IsEmpty ? &empty : p, (ulong)data.Length);
        }
    }

    private static DuckDbState BindValue(PreparedStatementHandle s, ulong i, IntPtr value)
    {
        try
        {
            return NativeMethods.duckdb_bind_value(s, i, value);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref value);
        }
    }

    internal static DuckDbHugeInt ToHugeInt(Int128 value) =>
        new() { Lower = (ulong)(value & ulong.MaxValue), Upper = (long)(value >> 64) };

    internal static DuckDbDecimal ToDecimal(decimal value)
    {
        var scale = value.Scale;
        // The unscaled integer: value * 10^scale, exact because decimal stores it that way.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = value < 0 ? -magnitude : magnitude;
        return new DuckDbDecimal { Width = 38, Scale = (byte)scale, Value = ToHugeInt(unscaled) };
    }

    internal static DuckDbIntervalStruct ToInterval(DuckDbInterval v) => new() { Months = v.Months, Days = v.Days, Micros = v.Micros };

    /// <summary>A UUID as the unsigned 128-bit number its canonical text spells (big-endian).</summary>
    internal static DuckDbUHugeInt ToUuid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new DuckDbUHugeInt
        {
            Upper = BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]),
            Lower = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }
}
