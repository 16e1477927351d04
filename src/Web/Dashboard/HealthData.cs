using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Dashboard;

/// <summary>
/// Client health and churn risk as the pages and the API read them: what `refresh` stored, read through
/// <see cref="ClientHealthService"/> and cached per day and filter under the data version (<see cref="DashboardData"/>).
/// A filter (tier, success manager, a success manager's book) cuts the list and the figures taken over it: counts,
/// average score and retention are those of the clients shown.
/// </summary>
internal sealed class HealthData(DashboardData data, ClientHealthService health, SupportLensSettings settings)
{
    internal SupportLensSettings Settings => settings;

    /// <summary>The first and last days with stored scores; null before the first refresh.</summary>
    internal StoredHealthDays? StoredDays() => data.Cached("health-days", health.StoredDays);

    /// <summary>
    /// The day an <c>as_of</c> asks for: a date (YYYY-MM-DD), or an instant's date in the reporting time zone; the last
    /// stored day when none is given. Null with the reason when there is no such stored day.
    /// </summary>
    internal (LocalDate? Day, string? Problem) Day(string? asOf)
    {
        if (StoredDays() is not { } stored)
        {
            return (null, "No health scores are stored yet: load data and run `supportlens refresh` (ingest does it).");
        }
        LocalDate day;
        if (asOf is null)
        {
            day = stored.Last;
        }
        else if (LocalDatePattern.Iso.Parse(asOf) is { Success: true } date)
        {
            day = date.Value;
        }
        else
        {
            try
            {
                day = Cli.AsOf.Parse(asOf).InZone(settings.ReportingTimeZone).Date;
            }
            catch (FormatException)
            {
                return (null, $"'{asOf}' is not a date like 2026-10-31 or an instant like 2026-10-31T23:00:00Z.");
            }
        }
        if (day < stored.First || day > stored.Last)
        {
            return (null, $"No health scores for {HealthDocument.Iso(day)}: scores run from {HealthDocument.Iso(stored.First)} to {HealthDocument.Iso(stored.Last)}.");
        }
        return (day, null);
    }

    internal HealthBook Book(LocalDate day) => data.Cached($"health-book|{day}", () => health.Book(day));

    internal ClientHealthDetail? Client(string clientId, LocalDate day) => data.Cached($"health-client|{clientId}|{day}", () => health.Client(clientId, day));

    /// <summary>The book's entries the filter keeps, most at risk first (the CLI's order).</summary>
    internal IReadOnlyList<ClientHealthEntry> Entries(LocalDate day, MetricsFilter filter) =>
        data.Cached($"health-entries|{day}|{filter.Key}", () => (IReadOnlyList<ClientHealthEntry>)[.. Book(day).Clients.Where(e => Keeps(filter, e.Client))]);

    /// <summary>Retention of the clients the filter keeps (all of them: the CLI's figures when the filter is empty).</summary>
    internal HealthRetention Retention(LocalDate day, MetricsFilter filter) => data.Cached($"health-retention|{day}|{filter.Key}", () =>
    {
        if (filter.Tier is null && filter.SuccessManager is null && filter.Clients is null)
        {
            return Book(day).Retention;
        }
        return health.Retention(day, client => Keeps(filter, client));
    });

    /// <summary>The book of the day as `health --json` prints it, cut by the filter.</summary>
    internal HealthDocument BookDocument(LocalDate day, MetricsFilter filter) => data.Cached($"health-doc|{day}|{filter.Key}", () =>
    {
        var entries = Entries(day, filter);
        return HealthDocument.Build(day, entries, entries, null, Book(day).Run, Retention(day, filter), StoredDays()!, settings);
    });

    /// <summary>One client's detail as `health --client ID --json` prints it; counts over the viewer's book (<paramref name="scope"/>).</summary>
    internal HealthDocument? ClientDocument(string clientId, LocalDate day, MetricsFilter scope) =>
        data.Cached($"health-client-doc|{clientId}|{day}|{scope.Key}", () =>
        {
            if (Client(clientId, day) is not { } detail)
            {
                return null;
            }
            var book = Entries(day, scope);
            return HealthDocument.Build(day, book, [detail.Entry], detail, detail.Run, Retention(day, scope), StoredDays()!, settings);
        });

    internal static bool Keeps(MetricsFilter filter, ClientAccount client) =>
        (filter.Tier is null || string.Equals(filter.Tier, client.Tier.ToString(), StringComparison.OrdinalIgnoreCase))
        && (filter.SuccessManager is null || string.Equals(filter.SuccessManager, client.SuccessManager, StringComparison.Ordinal))
        && (filter.Clients is null || filter.Clients.Contains(client.ClientId));
}
