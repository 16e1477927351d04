using System.Runtime.InteropServices;

namespace SupportLens.Storage.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(ConnectionHandle connection, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_destroy(ref IntPtr appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_error(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_appender_column_count(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_column_type(AppenderHandle appender, ulong column);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_flush(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_close(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_end_row(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_bool(AppenderHandle appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int8(AppenderHandle appender, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int16(AppenderHandle appender, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int32(AppenderHandle appender, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int64(AppenderHandle appender, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint8(AppenderHandle appender, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint16(AppenderHandle appender, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint32(AppenderHandle appender, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint64(AppenderHandle appender, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_hugeint(AppenderHandle appender, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_float(AppenderHandle appender, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_double(AppenderHandle appender, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_date(AppenderHandle appender, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_time(AppenderHandle appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_timestamp(AppenderHandle appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_interval(AppenderHandle appender, DuckDbIntervalStruct value);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_append_varchar_length(AppenderHandle appender, byte* text, ulong length);

    [LibraryImport(Library)]
    internal static unsafe partial DuckDbState duckdb_append_blob(AppenderHandle appender, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_null(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_value(AppenderHandle appender, IntPtr value);
}

internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_data_chunk(AppenderHandle appender, IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_clear(AppenderHandle appender);
}
