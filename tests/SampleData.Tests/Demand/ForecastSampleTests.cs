using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Horizon;
using SupportLens.Ingest;
using SupportLens.Storage;
using Xunit.Abstractions;

namespace SupportLens.SampleData.Tests.Demand;

/// <summary>
/// The committed sample history's demand (weekday rhythm, holidays, a level shift) is what the forecasts are built for:
/// on weeks they never saw, they do better than the seasonal naive baseline.
/// </summary>
public sealed class ForecastSampleTests(ITestOutputHelper output)
{
    private const int HeldOutDays = 28;

    [Fact]
    public void The_chosen_models_beat_seasonal_naive_on_held_out_weeks_of_the_sample()
    {
        using var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        foreach (var (kind, file) in new[] { (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.Volume, "volume.csv.gz") })
        {
            Assert.Equal("loaded", ingestor.Ingest(RepositoryFiles.SampleData(file), new IngestRequest(kind)).Status);
        }

        using var connection = warehouse.OpenConnection();
        new DataHorizonTable(TimeProvider.System).Refresh(connection);
        var history = new VolumeSeriesQuery(SupportLensSettings.Default.ReportingTimeZone, TimeProvider.System).Read(connection);
        // The organisation's series: total, the five channels and the four tiers (clients are a few tickets a day); phone
        // and chat count the volume export's offered contacts.
        var series = history.Series.Where(s => VolumeSeriesQuery.LevelOf(s.Key) != "client").ToArray();
        Assert.Equal(10, series.Length);

        // The last four weeks are held out: forecast from the history before them and score both against what happened.
        var training = series.Select(s => new VolumeSeries(s.Key, s.Start, s.Values.Take(s.Length - HeldOutDays).ToArray())).ToArray();
        var options = SupportLensSettings.Default.Forecast.DailyOptions() with { Horizon = HeldOutDays };
        var run = new VolumeForecaster(TimeProvider.System, options).Forecast(training);

        var ours = new List<double>();
        var naive = new List<double>();
        for (var i = 0; i < series.Length; i++)
        {
            var past = training[i].Values.ToArray();
            var actual = series[i].Values.Skip(past.Length).ToArray();
            // MASE scale: the mean absolute change from the same weekday a week before, over the training history.
            var scale = Enumerable.Range(7, past.Length - 7).Average(t => Math.Abs(past[t] - past[t - 7]));
            var lastWeek = past[^7..];
            ours.Add(actual.Select((a, h) => Math.Abs(a - run.Series[i].Points[h].Value)).Average() / scale);
            naive.Add(actual.Select((a, h) => Math.Abs(a - lastWeek[h % 7])).Average() / scale);
        }

        var report = string.Join(", ", series.Select((s, i) => $"{s.Key} {ours[i]:F2}/{naive[i]:F2}"));
        output.WriteLine($"held-out MASE ours / seasonal naive: mean {ours.Average():F3} / {naive.Average():F3}; {report}");
        // Measured on the committed sample (deterministic): 0.691 against 0.777, better on 7 of the 10 series (0.682 when the
        // backtest ran 4 origins; it now adds the hold-out's older ones, which the choice also reads).
        Assert.True(ours.Average() < 0.95 * naive.Average(), $"mean MASE ours {ours.Average():F3}, seasonal naive {naive.Average():F3}: {report}");
        Assert.True(ours.Zip(naive).Count(p => p.First < p.Second) > series.Length / 2, report);
    }
}
