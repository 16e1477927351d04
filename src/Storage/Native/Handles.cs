using System.Runtime.InteropServices;

using SupportLens.Storage.Data;

namespace SupportLens.Storage.Native;

// Every native object has a SafeHandle so that a forgotten Dispose or an exception mid-way still releases it.

internal sealed class DatabaseHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static DatabaseHandle Open(string? path, IReadOnlyDictionary<string, string> options)
    {
        var config = IntPtr.Zero;
        try
        {
            if (NativeMethods.duckdb_create_config(out config) != DuckDbState.Success)
            {
                throw new DuckDbException("DuckDB could not allocate a configuration.", null);
            }
            foreach (var (name, value) in options)
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException($"DuckDB rejected the option {name}={value}.", null);
                }
            }
            var state = NativeMethods.duckdb_open_ext(path, out var db, config, out var error);
            var message = NativeMethods.TakeUtf8(error);
            if (state != DuckDbState.Success)
            {
                throw new DuckDbException($"Could not open DuckDB database '{path ?? ":memory:"}': {message}", null);
            }
            var result = new DatabaseHandle();
            result.SetHandle(db);
            return result;
        }
        finally
        {
            if (config != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_config(ref config);
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_close(ref handle);
        return true;
    }
}

internal sealed class ConnectionHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static ConnectionHandle Connect(DatabaseHandle database)
    {
        if (NativeMethods.duckdb_connect(database, out var connection) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not open a connection.", null);
        }
        var result = new ConnectionHandle();
        result.SetHandle(connection);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_disconnect(ref handle);
        return true;
    }
}

internal sealed class PreparedStatementHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static PreparedStatementHandle Adopt(IntPtr statement)
    {
        var result = new PreparedStatementHandle();
        result.SetHandle(statement);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_prepare(ref handle);
        return true;
    }
}

internal sealed class AppenderHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static AppenderHandle Adopt(IntPtr appender)
    {
        var result = new AppenderHandle();
        result.SetHandle(appender);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        // destroy flushes what is left; a failure here cannot be reported from a finalizer, callers Close() first.
        NativeMethods.duckdb_appender_destroy(ref handle);
        return true;
    }
}

/// <summary>
/// A duckdb_result lives in memory we allocate (the C API fills a caller-owned struct);
/// releasing destroys DuckDB's result and frees that struct.
/// </summary>
internal sealed unsafe class ResultHandle : SafeHandle
{
    internal ResultHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        var memory = NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct));
        SetHandle((IntPtr)memory);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal IntPtr Pointer => handle;

    internal DuckDbResultStruct Value => *(DuckDbResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

/// <summary>A logical type we own (destroyed with duckdb_destroy_logical_type).</summary>
internal readonly struct OwnedLogicalType(IntPtr pointer) : IDisposable
{
    internal IntPtr Pointer { get; } = pointer;

    public void Dispose()
    {
        var p = Pointer;
        if (p != IntPtr.Zero)
        {
            NativeMethods.duckdb_destroy_logical_type(ref p);
        }
    }
}

/// <summary>A data chunk fetched from a result; destroyed even when a reader is abandoned without Dispose.</summary>
internal sealed class DataChunkHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    internal IntPtr Pointer => handle;

    internal static DataChunkHandle Create(IntPtr chunk)
    {
        var owned = new DataChunkHandle();
        owned.SetHandle(chunk);
        return owned;
    }

    internal static DataChunkHandle? Fetch(ResultHandle result)
    {
        var chunk = NativeMethods.duckdb_fetch_chunk(result.Value);
        if (chunk == IntPtr.Zero)
        {
            return null;
        }
        var owned = new DataChunkHandle();
        owned.SetHandle(chunk);
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_data_chunk(ref handle);
        return true;
    }
}
