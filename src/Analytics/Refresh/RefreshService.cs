using SupportLens.Storage;

namespace SupportLens.Analytics.Refresh;

/// <summary>One derived table's part of a refresh.</summary>
public sealed record RefreshStep(string Name, bool WasStale, long Rows, TimeSpan Elapsed);

/// <summary>
/// The explicit step that brings every derived table up to date, in dependency order (horizons first: the SLA ledger
/// judges open tickets as of them). Each table checks its own stamp, so a refresh after a small file costs little.
/// </summary>
public sealed class RefreshService(Warehouse warehouse, IEnumerable<IDerivedTable> tables, TimeProvider time)
{
    private readonly IReadOnlyList<IDerivedTable> _tables = [.. tables];

    public IReadOnlyList<string> TableNames => [.. _tables.Select(t => t.Name)];

    /// <summary>Refreshes the stale tables (all of them with <paramref name="force"/>); <paramref name="progress"/> hears each step.</summary>
    public IReadOnlyList<RefreshStep> Run(bool force = false, Action<RefreshStep>? progress = null)
    {
        var steps = new List<RefreshStep>();
        using var connection = warehouse.OpenConnection();
        foreach (var table in _tables)
        {
            var started = time.GetTimestamp();
            var stale = force || table.IsStale(connection);
            if (force)
            {
                // Forced: from all the data, not from what changed since the table's last refresh.
                DerivedState.ClearMark(connection, table.Name);
            }
            var rows = stale ? table.Refresh(connection) : 0;
            var step = new RefreshStep(table.Name, stale, rows, time.GetElapsedTime(started));
            steps.Add(step);
            progress?.Invoke(step);
        }
        return steps;
    }

    /// <summary>The derived tables that lag their data: a read that finds any says so, and never refreshes them itself.</summary>
    public IReadOnlyList<string> StaleTables()
    {
        using var connection = warehouse.OpenConnection();
        return [.. _tables.Where(t => t.IsStale(connection)).Select(t => t.Name)];
    }
}
