using System.Globalization;
using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class HandleReleaseTests
{
    /// <summary>Resident memory of this process, from /proc (native allocations included).</summary>
    private static long ResidentBytes()
    {
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }

    private static void Cycle(string path)
    {
        using var connection = new DuckDbConnection(path);
        connection.Open();
        using var command = new DuckDbCommand("SELECT $n::VARCHAR || '-x', [1, 2, 3] FROM range(3)", connection);
        command.Parameters.Add("n", 7);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(0);
            _ = reader.GetValue(1);
        }
    }

    [Fact]
    public void A_hundred_thousand_open_query_close_cycles_leave_memory_flat()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cycles.duckdb");
        // An anchor connection keeps the database open, as the server does; each cycle is connect/query/close.
        using var anchor = new DuckDbConnection(path);
        anchor.Open();
        for (var i = 0; i < 10_000; i++)
        {
            Cycle(path);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ResidentBytes();
        for (var i = 0; i < 100_000; i++)
        {
            Cycle(path);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = ResidentBytes() - before;
        Assert.True(growth < 32L * 1024 * 1024, $"resident memory grew by {growth / 1024 / 1024} MB over 100,000 cycles");
    }

    [Fact]
    public void Undisposed_readers_and_commands_are_released_by_the_finalizer()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        for (var i = 0; i < 20_000; i++)
        {
            // Deliberately not disposed: SafeHandles must free the native result and statement.
            var command = new DuckDbCommand("SELECT * FROM range(5000)", connection);
            var reader = command.ExecuteReader();
            reader.Read();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ResidentBytes();
        for (var i = 0; i < 20_000; i++)
        {
            var command = new DuckDbCommand("SELECT * FROM range(5000)", connection);
            var reader = command.ExecuteReader();
            reader.Read();
            if (i % 1000 == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // Each abandoned result holds 5,000 BIGINTs (>= 40 KB): leaking them would grow memory by >= 800 MB.
        // What remains is allocator and GC-heap noise.
        var growth = ResidentBytes() - before;
        Assert.True(growth < 200L * 1024 * 1024, $"resident memory grew by {growth / 1024 / 1024} MB");
    }
}
