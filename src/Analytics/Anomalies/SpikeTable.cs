using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Anomalies;

/// <summary>
/// Keeps <c>spikes</c>: every client's daily volume, on each channel and in all (channel <c>all</c>), scanned by the
/// <see cref="SpikeDetector"/> over the whole history; the unusual days are stored with the day's volume, the expected
/// value and range, and the score, and <c>spike_scans</c> says which days were scanned. Recomputed whole when the volume
/// history's data (<see cref="VolumeSeriesQuery.Stamp"/>) or the spike settings change (the detector looks at weeks on both sides of a day, so new data moves old verdicts).
/// </summary>
public sealed class SpikeTable(ForecastSettings settings, DateTimeZone reportingZone, TimeProvider time) : IDerivedTable
{
    public const string TableName = "spikes";

    /// <summary>The channel name of a client's whole volume.</summary>
    public const string AllChannels = "all";

    public string Name => TableName;

    public bool IsStale(WarehouseConnection connection) => DerivedState.Get(connection, Name) != Stamp(connection);

    public long Refresh(WarehouseConnection connection)
    {
        var now = time.GetUtcNow();
        var stamp = Stamp(connection);
        var history = new VolumeSeriesQuery(reportingZone, time).Read(connection);
        var scans = new List<(string Client, string Channel, VolumeSeries Series)>();
        foreach (var series in history.Series.Where(s => VolumeSeriesQuery.LevelOf(s.Key) == "client"))
        {
            scans.Add((series.Key["client:".Length..], AllChannels, series));
        }

        scans.AddRange(history.ClientChannels.Select(c => (c.ClientId, c.Channel, c.Series)));
        var detector = new SpikeDetector(settings.SpikeOptions());

        using var transaction = connection.BeginTransaction();
        connection.ExecuteNonQuery("DELETE FROM spikes; DELETE FROM spike_scans;");
        long rows = 0;
        using (var spikes = connection.CreateAppender("spikes"))
        using (var scanned = connection.CreateAppender("spike_scans"))
        {
            foreach (var (client, channel, series) in scans)
            {
                scanned.Append(client).Append(channel).Append(series.Start.ToDateOnly())
                    .Append(series.DateAt(series.Length - 1).ToDateOnly()).Append(now).EndRow();
                foreach (var spike in detector.Detect(series))
                {
                    spikes.Append(client).Append(channel).Append(spike.Date.ToDateOnly()).Append(spike.Volume).Append(spike.Expected)
                        .Append(spike.ExpectedLow).Append(spike.ExpectedHigh).Append(spike.Score)
                        .Append(spike.Direction == SpikeDirection.High ? "high" : "low").Append(spike.Holiday).Append(now).EndRow();
                    rows++;
                }
            }

            spikes.Complete();
            scanned.Complete();
        }

        DerivedState.Set(connection, Name, stamp, now);
        transaction.Commit();
        return rows;
    }

    private string Stamp(WarehouseConnection connection) =>
        $"{VolumeSeriesQuery.Stamp(connection)}|{settings.SpikeFingerprint()}/zone:{reportingZone.Id}";
}
