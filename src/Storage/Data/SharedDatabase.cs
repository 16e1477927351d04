using SupportLens.Storage.Native;

namespace SupportLens.Storage.Data;

/// <summary>
/// DuckDB allows one open database object per file in a process; every connection to the same path shares it.
/// The native database is closed when its last connection closes. ":memory:" is private to one connection,
/// ":memory:NAME" is shared by name.
/// </summary>
internal sealed class SharedDatabase
{
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    private readonly string? _key;
    private int _references;

    private SharedDatabase(string? key, DatabaseHandle handle)
    {
        _key = key;
        Handle = handle;
    }

    internal DatabaseHandle Handle { get; }

    internal static SharedDatabase Acquire(string dataSource, IReadOnlyDictionary<string, string> options)
    {
        if (dataSource is "" or ":memory:")
        {
            return new SharedDatabase(null, DatabaseHandle.Open(null, options)) { _references = 1 };
        }
        var key = dataSource.StartsWith(":memory:", StringComparison.Ordinal) ? dataSource : Path.GetFullPath(dataSource);
        lock (Gate)
        {
            if (!Open.TryGetValue(key, out var database))
            {
                var path = key.StartsWith(":memory:", StringComparison.Ordinal) ? null : key;
                database = new SharedDatabase(key, DatabaseHandle.Open(path, options));
                Open.Add(key, database);
            }
            database._references++;
            return database;
        }
    }

    internal SharedDatabase AddReference()
    {
        lock (Gate)
        {
            _references++;
            return this;
        }
    }

    internal void Release()
    {
        lock (Gate)
        {
            if (--_references > 0)
            {
                return;
            }
            if (_key is not null)
            {
                Open.Remove(_key);
            }
        }
        Handle.Dispose();
    }
}
