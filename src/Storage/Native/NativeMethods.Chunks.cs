using System.Runtime.InteropServices;

namespace SupportLens.Storage.Native;

// Result data is read chunk by chunk (the per-value result functions are deprecated).
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_fetch_chunk(DuckDbResultStruct result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);
}

// Writing chunks for the appender.
internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static unsafe partial IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);

    [LibraryImport(Library)]
    internal static partial void duckdb_data_chunk_reset(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);

    [LibraryImport(Library)]
    internal static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

    [LibraryImport(Library)]
    internal static unsafe partial void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_vector_size();
}
