using NodaTime;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// Keeps the forecast runs: when the volume history's data (<see cref="VolumeSeriesQuery.Stamp"/>: tickets, the volume
/// export, clients, the tickets' horizon) or the forecast settings changed since the last run, reads the
/// daily volume history (<see cref="VolumeSeriesQuery"/>), forecasts every series daily and weekly with backtests
/// (<see cref="VolumeForecaster"/>), and stores both runs with new run ids. Earlier runs stay; readers take the latest.
/// A run whose every series' history (through the last complete day) is the one the latest stored run was fitted to, with
/// the same settings, is not refitted: a refit would store the same forecasts again (a small file of today's tickets
/// leaves every history as it was). When any series changed, all of the frequency's series are refitted: the
/// gradient-boosted model learns across all of them and the intervals are calibrated on their pooled backtest errors, so
/// refitting only the changed ones would give other numbers than a full rebuild. <c>refresh --force</c> refits all.
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
        // Forced (refresh --force clears the mark): refit whatever the stored runs saw.
        var forced = DerivedState.GetMark(connection, Name) is null;
        var kept = new List<long>();
        bool Unchanged(SeriesFrequency frequency, IReadOnlyList<VolumeSeries> series)
        {
            if (!forced && ForecastStore.LatestFittedTo(connection, frequency, series, Settings()) is { } runId)
            {
                kept.Add(runId);
                return true;
            }
            return false;
        }
        var runs = new List<(ForecastRun Run, IReadOnlyList<VolumeSeries> History)>();
        if (history.LastCompleteDay is not null && history.Series.Count > 0)
        {
            if (!Unchanged(SeriesFrequency.Daily, history.Series))
            {
                runs.Add((new VolumeForecaster(time, settings.DailyOptions()).Forecast(history.Series), history.Series));
            }
            var weekly = history.Weekly();
            if (weekly.Count > 0 && !Unchanged(SeriesFrequency.Weekly, weekly))
            {
                runs.Add((new VolumeForecaster(time, settings.WeeklyOptions()).Forecast(weekly), weekly));
            }
        }

        var elapsed = time.GetElapsedTime(started);
        var sources = string.Join("; ", history.Sources.Select(s => $"{s.Channel}: {s.Describe()}"));
        long rows = 0;
        using var transaction = connection.BeginTransaction();
        foreach (var runId in kept)
        {
            ForecastStore.Restamp(connection, runId, dataStamp);
        }
        foreach (var (run, past) in runs)
        {
            ForecastStore.Save(connection, run, past,
                new ForecastStore.RunContext(history.LastCompleteDay!.Value, dataStamp, Settings(), sources, elapsed));
            rows += run.Series.Sum(s => s.Points.Count);
        }

        DerivedState.SetMark(connection, Name, DerivedState.BatchMark(connection), time.GetUtcNow());
        DerivedState.Set(connection, Name, stamp, time.GetUtcNow());
        transaction.Commit();
        return rows;
    }

    private string Settings() => $"{settings.Fingerprint()}/zone:{reportingZone.Id}";

    // The data and the settings the runs depend on.
    private string Stamp(WarehouseConnection connection) => $"{VolumeSeriesQuery.Stamp(connection)}|{Settings()}";
}
