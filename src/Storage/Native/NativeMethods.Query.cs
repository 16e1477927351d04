using System.Runtime.InteropServices;

namespace SupportLens.Storage.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(IntPtr result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_result_error(IntPtr result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(IntPtr result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(IntPtr result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_name(IntPtr result, ulong column);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_logical_type(IntPtr result, ulong column);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong duckdb_extract_statements(ConnectionHandle connection, string query, out IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(
        ConnectionHandle connection, IntPtr extracted, ulong index, out IntPtr preparedStatement);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_extract_statements_error(IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_extracted(ref IntPtr extracted);
}

internal enum DuckDbResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}

internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial DuckDbResultType duckdb_result_return_type(DuckDbResultStruct result);
}
