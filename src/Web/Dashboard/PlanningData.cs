using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Storage;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Dashboard;

/// <summary>
/// Forecasts, spikes and the capacity plan as the pages and the API read them: the stored runs (`refresh` computes them;
/// reads never do), cached under the data version (<see cref="DashboardData"/>).
/// </summary>
internal sealed class PlanningData(
    DashboardData data, ForecastReader forecasts, CapacityService capacity, Warehouse warehouse, SupportLensSettings settings, TimeProvider time)
{
    internal DateTimeZone Zone => settings.ReportingTimeZone;

    /// <summary>The latest stored run of a frequency, of one level (total, channel, tier, client) or all; null before the first.</summary>
    internal StoredForecastRun? Forecast(SeriesFrequency frequency, string? level) =>
        data.Cached($"forecast|{frequency}|{level}", () => forecasts.Latest(frequency, level));

    /// <summary>
    /// As `forecast --json` prints it: the run of that level, cut to <paramref name="days"/> and, for a success manager, to
    /// the client series of their book (<paramref name="clients"/>).
    /// </summary>
    internal ForecastDocument? ForecastDocument(SeriesFrequency frequency, string? level, int? days, IReadOnlySet<string>? clients) =>
        data.Cached($"forecast-doc|{frequency}|{level}|{days}|{(clients is null ? "*" : string.Join(',', clients.Order(StringComparer.Ordinal)))}", () =>
        {
            if (Forecast(frequency, level) is not { } run)
            {
                return null;
            }
            var shown = Cli.ForecastOutput.Cut(run, days);
            if (clients is not null)
            {
                shown = shown with { Series = [.. shown.Series.Where(s => s.Key.StartsWith("client:", StringComparison.Ordinal) && clients.Contains(s.Key["client:".Length..]))] };
            }
            return Presentation.ForecastDocument.Build(shown, Zone);
        });

    /// <summary>The daily volume the forecasts were made from (for charts that show the actual days before the forecast).</summary>
    internal VolumeHistory History() => data.Cached("volume-history", () =>
    {
        using var connection = warehouse.OpenConnection();
        return new VolumeSeriesQuery(Zone, time).Read(connection);
    });

    /// <summary>Stored spikes of the days from <paramref name="from"/> to <paramref name="to"/>, by day.</summary>
    internal IReadOnlyList<StoredSpike> Spikes(LocalDate from, LocalDate to) => data.Cached($"spikes|{from}|{to}", () =>
    {
        using var connection = warehouse.OpenConnection();
        return SpikeStore.Read(connection, from, to);
    });

    /// <summary>The capacity plan over <paramref name="weeks"/> whole weeks; null before the first forecast.</summary>
    internal CapacityReport? Capacity(int weeks) => data.Cached($"capacity|{weeks}", () => capacity.Plan(weeks));

    internal CapacityDocument? CapacityDocument(int weeks) =>
        data.Cached($"capacity-doc|{weeks}", () => Capacity(weeks) is { } report ? Presentation.CapacityDocument.Build(report, Zone) : null);
}
