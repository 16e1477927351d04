using System.Reflection;
using System.Runtime.InteropServices;

namespace SupportLens.Storage.Native;

/// <summary>
/// Entry points of DuckDB's C API (duckdb.h), split by area across partial files.
/// Handles are opaque pointers; structs passed by value mirror the header's layout exactly.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Library = "duckdb";

    // An explicit static constructor runs before the first native call of this class, so the resolver is in place in time.
    static NativeMethods()
    {
        // DUCKDB_LIBRARY lets an operator point at another libduckdb.so than the one the build placed next to us.
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }
        var overridePath = Environment.GetEnvironmentVariable("DUCKDB_LIBRARY");
        if (!string.IsNullOrEmpty(overridePath))
        {
            return NativeLibrary.Load(overridePath);
        }
        var besideUs = Path.Combine(AppContext.BaseDirectory, "libduckdb.so");
        if (File.Exists(besideUs))
        {
            return NativeLibrary.Load(besideUs);
        }
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
        {
            return handle;
        }
        throw new DllNotFoundException(
            $"libduckdb.so was not found next to {AppContext.BaseDirectory}. Build the project (the build fetches it) " +
            "or set DUCKDB_LIBRARY to the path of a libduckdb.so 1.5.6.");
    }

    [LibraryImport(Library)]
    internal static partial void duckdb_free(IntPtr ptr);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_library_version();

    internal static string? ReadUtf8(IntPtr ptr) => ptr == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(ptr);

    /// <summary>Reads a string the C API allocated for us, then frees it with duckdb_free.</summary>
    internal static string? TakeUtf8(IntPtr ptr)
    {
        if (ptr == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(ptr);
        }
        finally
        {
            duckdb_free(ptr);
        }
    }
}
