using System.Collections;
using System.Text;
using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>Builds a DuckDB LIST value from a CLR sequence of strings, ints, longs or doubles.</summary>
internal static unsafe class ListValue
{
    internal static IntPtr Create(IEnumerable items)
    {
        var elementType = items.GetType() switch
        {
            var t when t.IsArray => t.GetElementType()!,
            var t when t.IsGenericType => t.GetGenericArguments()[0],
            _ => typeof(object),
        };
        elementType = Nullable.GetUnderlyingType(elementType) ?? elementType;
        var duckType = elementType switch
        {
            _ when elementType == typeof(string) => DuckDbType.Varchar,
            _ when elementType == typeof(int) => DuckDbType.Integer,
            _ when elementType == typeof(long) => DuckDbType.BigInt,
            _ when elementType == typeof(double) => DuckDbType.Double,
            _ => throw new NotSupportedException($"A list of {elementType.Name} cannot be sent to DuckDB; use string, int, long or double."),
        };
        var values = new List<IntPtr>();
        var childType = NativeMethods.duckdb_create_logical_type(duckType);
        try
        {
            foreach (var item in items)
            {
                values.Add(item switch
                {
                    null => NativeMethods.duckdb_create_null_value(),
                    string s => CreateVarchar(s),
                    int n => NativeMethods.duckdb_create_int32(n),
                    long n => NativeMethods.duckdb_create_int64(n),
                    double d => NativeMethods.duckdb_create_double(d),
                    _ => throw new NotSupportedException($"List element {item.GetType().Name} does not match {elementType.Name}."),
                });
            }
            var array = values.ToArray();
            fixed (IntPtr* p = array)
            {
                return NativeMethods.duckdb_create_list_value(childType, p, (ulong)array.Length);
            }
        }
        finally
        {
            foreach (var v in values)
            {
                var copy = v;
                NativeMethods.duckdb_destroy_value(ref copy);
            }
            NativeMethods.duckdb_destroy_logical_type(ref childType);
        }
    }

    private static IntPtr CreateVarchar(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* p = bytes)
        {
            byte empty = 0;
            return NativeMethods.duckdb_create_varchar_length(bytes.Length == 0 ? &empty : p, (ulong)bytes.Length);
        }
    }
}
