using NodaTime;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// Keeps the forecast runs: when the volume history's data (<see cref="VolumeSeriesQuery.Stamp"/>: tickets, the volume
/// export, clients, the tickets' horizon) or the forecast settings changed since the last run, reads the
/// daily volume history (<see cref="VolumeSeriesQuery"/>), forecasts every series daily and weekly with backtests
/// (<see cref="VolumeForecaster"/>), and stores both runs with new run ids. Earlier runs stay; readers take the latest.
/// </summary>
public sealed class ForecastTable(ForecastSettings settings, DateTimeZone reportingZone, TimeProvider time) : IDerivedTable
{
    public const string TableName = "forecasts";

    public string Name => TableName;

    public bool IsStale(WarehouseConnection connection) => DerivedState.Get(connection, Name) != Stamp(connection);

    public long Refresh(WarehouseConnection connection)
    {
        var started = time.GetTimestamp();
        var stamp = Stamp(connection);
        var dataStamp = VolumeSeriesQuery.Stamp(connection);
        var history = new VolumeSeriesQuery(reportingZone, time).Read(connection);
        var runs = new List<(ForecastRun Run, IReadOnlyList<VolumeSeries> History)>();
        if (history.LastCompleteDay is not null && history.Series.Count > 0)
        {
            runs.Add((new VolumeForecaster(time, settings.DailyOptions()).Forecast(history.Series), history.Series));
            var weekly = history.Weekly();
            if (weekly.Count > 0)
            {
                runs.Add((new VolumeForecaster(time, settings.WeeklyOptions()).Forecast(weekly), weekly));
            }
        }

        var elapsed = time.GetElapsedTime(started);
        var sources = string.Join("; ", history.Sources.Select(s => $"{s.Channel}: {s.Describe()}"));
        long rows = 0;
        using var transaction = connection.BeginTransaction();
        foreach (var (run, past) in runs)
        {
            ForecastStore.Save(connection, run, past,
                new ForecastStore.RunContext(history.LastCompleteDay!.Value, dataStamp, Settings(), sources, elapsed));
            rows += run.Series.Sum(s => s.Points.Count);
        }

        DerivedState.Set(connection, Name, stamp, time.GetUtcNow());
        transaction.Commit();
        return rows;
    }

    private string Settings() => $"{settings.Fingerprint()}/zone:{reportingZone.Id}";

    // The data and the settings the runs depend on.
    private string Stamp(WarehouseConnection connection) => $"{VolumeSeriesQuery.Stamp(connection)}|{Settings()}";
}
