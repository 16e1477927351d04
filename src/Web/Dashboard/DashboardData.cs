using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sla;
using SupportLens.Storage;

namespace SupportLens.Web.Dashboard;

/// <summary>
/// What pages and the API read, answered from DuckDB and kept per question until the data changes: every answer is cached
/// under the data version (<see cref="DataVersion"/>: the loaded ingest batches and the derived tables' refresh times),
/// read once per request, so the first request after an ingest or a refresh computes afresh and nothing is ever stale.
/// Reads only: nothing here refreshes a derived table.
/// </summary>
internal sealed class DashboardData(
    Warehouse warehouse,
    SupportLensSettings settings,
    MetricsService metrics,
    IncidentMetricsService incidents,
    SlaDueSoon dueSoon,
    ClientDirectory clients,
    RefreshService refresh,
    DashboardCache cache)
{
    private string? _version;

    /// <summary>The data version this request reads under.</summary>
    internal string Version
    {
        get
        {
            if (_version is null)
            {
                using var connection = warehouse.OpenConnection();
                _version = DataVersion.Read(connection);
            }
            return _version;
        }
    }

    internal DateTimeZone Zone => settings.ReportingTimeZone;

    /// <summary>The organisation's SLA compliance target, in percent.</summary>
    internal double SlaTargetPct => settings.Targets.SlaCompliancePct;

    internal MetricsService Periods => metrics;

    internal DataHorizon Horizon() => Cached("horizon", () =>
    {
        using var connection = warehouse.OpenConnection();
        return DataHorizons.Read(connection);
    });

    /// <summary>The derived tables that lag the data (a page says so; only `refresh` or an ingest brings them up to date).</summary>
    internal IReadOnlyList<string> StaleTables() => Cached("stale", refresh.StaleTables);

    internal MetricsReport Metrics(ReportingPeriod period, MetricsGrouping grouping, MetricsFilter filter, Instant? asOf) =>
        Cached($"metrics|{Key(period)}|{grouping}|{filter.Key}|{asOf}", () => metrics.Compute(period, grouping, asOf, filter));

    internal IncidentReport Incidents(ReportingPeriod period, Instant? asOf) =>
        Cached($"incidents|{Key(period)}|{asOf}", () => incidents.Compute(period, asOf));

    internal IReadOnlyList<ClientIncident> IncidentList(ReportingPeriod period, Instant? asOf) =>
        Cached($"incident-list|{Key(period)}|{asOf}", () => incidents.Incidents(period, asOf));

    /// <summary>Per client key, the period's incidents that hit it.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<ClientIncident>> IncidentsHit(IEnumerable<string> clientIds, ReportingPeriod period, Instant? asOf) =>
        clientIds.ToDictionary(id => id, id => Cached($"hits|{id}|{Key(period)}|{asOf}", () => incidents.IncidentsForClient(id, period, asOf)));

    internal DueSoonList DueSoon(Duration within, MetricsFilter filter, Instant? asOf, int limit) =>
        Cached($"due-soon|{within}|{filter.Key}|{asOf}|{limit}", () => dueSoon.Find(within, filter, asOf, limit));

    internal IReadOnlyList<ClientInfo> Clients() => Cached("clients", clients.All);

    /// <summary>A chart as inline SVG of the given size, and its data as CSV (both cached under <paramref name="key"/>).</summary>
    internal (string Title, string Svg, string Csv)? Chart(string key, Func<global::SupportLens.Reports.Charts.Figure?> build, int width, int height) =>
        Cached($"chart|{key}|{width}x{height}", () =>
            build() is { } figure
                ? (figure.Title, figure.ToSvg(width, height), figure.ToCsv())
                : ((string, string, string)?)null);

    internal ClientInfo? Client(string clientId) => Clients().FirstOrDefault(c => c.ClientId == clientId);

    internal IReadOnlySet<string> BookOf(string successManager, IReadOnlyList<string> extra) =>
        Cached($"book|{successManager}|{string.Join(',', extra)}", () => clients.BookOf(successManager, extra));

    /// <summary>The month open items are judged in by default: the one the ticket data reaches, else the current one.</summary>
    internal string DefaultMonth(TimeProvider time)
    {
        var horizon = Horizon();
        var at = horizon.Tickets ?? horizon.Latest ?? Instant.FromDateTimeOffset(time.GetUtcNow());
        return at.InZone(Zone).Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Key(ReportingPeriod period) => $"{period.FromText}..{period.ToText}";

    /// <summary>An answer kept under the data version: computed once per question until the next ingest or refresh.</summary>
    internal T Cached<T>(string key, Func<T> compute) => cache.GetOrCreate(Version + "|" + key, compute);
}

/// <summary>
/// The answers of <see cref="DashboardData"/>, shared by all requests. Keys start with the data version, so answers of an
/// older version are never read again; they go when the cache is full (least recently used first). Callers that ask
/// for the same missing answer at once (a team opening the dashboard after the morning's ingest) wait for one
/// computation instead of each running the same queries on the same cores.
/// </summary>
internal sealed class DashboardCache : IDisposable
{
    /// <summary>Entries kept at most (one entry = one answer, whatever its size).</summary>
    internal const int Capacity = 2_000;

    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });
    private readonly ConcurrentDictionary<string, Lazy<object?>> _computing = new(StringComparer.Ordinal);

    internal T GetOrCreate<T>(string key, Func<T> compute)
    {
        if (_memory.TryGetValue(key, out var hit) && hit is T value)
        {
            return value;
        }
        var computation = _computing.GetOrAdd(key, _ => new Lazy<object?>(() =>
        {
            var computed = compute();
            _memory.Set(key, computed, new MemoryCacheEntryOptions { Size = 1 });
            return computed;
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)computation.Value!;
        }
        finally
        {
            // Cached (or failed, to be tried again by the next caller): the next caller reads the cache.
            _computing.TryRemove(new KeyValuePair<string, Lazy<object?>>(key, computation));
        }
    }

    public void Dispose() => _memory.Dispose();
}
