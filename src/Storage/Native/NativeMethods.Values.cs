using System.Runtime.InteropServices;

namespace SupportLens.Storage.Native;

// duckdb_value objects: used where a parameter has no plain bind function (UUID, LIST).
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int32(int value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int64(long value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_double(double value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_uuid(DuckDbUHugeInt value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_null_value();

    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_create_list_value(IntPtr childType, IntPtr* values, ulong count);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref IntPtr value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref IntPtr type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(IntPtr type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(IntPtr type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(IntPtr type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(IntPtr type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_enum_internal_type(IntPtr type);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(IntPtr type);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_enum_dictionary_value(IntPtr type, ulong index);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_type_child_type(IntPtr type);
}
