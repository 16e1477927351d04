using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>One column of the appender's chunk: its type, and where the current chunk keeps its values and validity.</summary>
internal unsafe struct AppenderColumn
{
    internal DuckDbType Type;
    internal DuckDbType Storage;
    internal byte Scale;
    internal byte Width;
    internal string Name;
    internal IntPtr Vector;
    internal byte* Data;
    internal ulong* Validity;

    internal static AppenderColumn Describe(IntPtr logicalType, string name)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        var column = new AppenderColumn { Type = type, Storage = type, Name = name };
        if (type == DuckDbType.Decimal)
        {
            column.Scale = NativeMethods.duckdb_decimal_scale(logicalType);
            column.Width = NativeMethods.duckdb_decimal_width(logicalType);
            column.Storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
        }
        return column;
    }

    internal void Point(IntPtr vector)
    {
        Vector = vector;
        Data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        Validity = null;
    }

    internal void SetNull(int row)
    {
        if (Validity == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(Vector);
            Validity = (ulong*)NativeMethods.duckdb_vector_get_validity(Vector);
        }
        Validity[row >> 6] &= ~(1UL << (row & 63));
    }

    internal readonly void Write<T>(int row, T value)
        where T : unmanaged => ((T*)Data)[row] = value;
}
