using System.Globalization;
using SupportLens.Storage.Sql;

namespace SupportLens.Ingest.Loading;

/// <summary>
/// Runs DuckDB on one thread while a session loads small files, and on its own number of threads again for a large
/// one and at the end. A small file's statements each touch a few rows: handing their work to DuckDB's other threads
/// and waiting for them costs more than it saves, many times per file. The setting is the database's, like the memory
/// limit; a session changes it only while it loads.
/// </summary>
internal sealed class SmallFileThreads(WarehouseConnection connection) : IDisposable
{
    private long? _previous;

    /// <summary>Before a file: one thread when it is small, DuckDB's own number when it is large.</summary>
    public void Before(bool small)
    {
        if (small && _previous is null)
        {
            using var command = connection.CreateCommand("SELECT current_setting('threads')");
            var threads = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (threads > 1)
            {
                connection.ExecuteNonQuery("SET threads = 1");
                _previous = threads;
            }
        }
        else if (!small)
        {
            Restore();
        }
    }

    public void Dispose() => Restore();

    private void Restore()
    {
        if (_previous is { } threads)
        {
            connection.ExecuteNonQuery(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
            _previous = null;
        }
    }
}
