using System.Diagnostics;
using System.Globalization;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Refresh;
using SupportLens.SampleData.Scale;
using SupportLens.Storage;

namespace SupportLens.Bench;

/// <summary>
/// A warehouse of N tickets of the sample history's scale stream (the 40 sample clients with their tiers), loaded with
/// the appender and refreshed as after an ingest (data horizons, SLA ledger, forecasts, spikes, client health): what
/// the api suite reads (the metrics suite loads the same way).
/// </summary>
internal static class ScaledWarehouse
{
    /// <summary>VmHWM of this process: the most resident memory it has had.</summary>
    internal static long PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The tickets the warehouse holds (a kept one is reused as it is).</summary>
    internal static long Tickets(Warehouse warehouse)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT count(*) FROM tickets");
        return command.ExecuteScalar<long>();
    }

    /// <summary>Generates and loads <paramref name="tickets"/> tickets, then refreshes every derived table; prints each step as <paramref name="suite"/>.</summary>
    internal static void Load(Warehouse warehouse, int tickets, string suite)
    {
        using var connection = warehouse.OpenConnection();
        var clock = Stopwatch.StartNew();
        var history = new ScaledHistory(tickets);
        using (var transaction = connection.BeginTransaction())
        {
            ScaledSample.AppendClients(connection, history.Clients, "bench");
            ScaledSample.AppendTickets(connection, history.Tickets(), "bench");
            transaction.Commit();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{suite}: generated and loaded {tickets:N0} sample tickets (--scale) in {clock.Elapsed.TotalSeconds:F1} s ({Environment.ProcessorCount} cores); peak RSS so far {PeakResidentMegabytes():N0} MB"));

        // `supportlens refresh`, as after each ingest: the derived tables the reads use.
        var refresh = new RefreshService(warehouse, DerivedTables.All(SupportLensSettings.Default, TimeProvider.System), TimeProvider.System);
        foreach (var step in refresh.Run())
        {
            var rate = step.Elapsed.TotalSeconds >= 0.1 ? string.Create(CultureInfo.InvariantCulture, $" ({step.Rows / step.Elapsed.TotalSeconds:N0}/s)") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{suite}: refresh {step.Name} wrote {step.Rows:N0} rows in {step.Elapsed.TotalSeconds:F1} s{rate}, once after each load; peak RSS so far {PeakResidentMegabytes():N0} MB"));
        }
    }
}
