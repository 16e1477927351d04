using NodaTime;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Forecasting;

/// <summary>Writes forecast runs (refresh only) and reads them back (every reader: verbs, reports, dashboards).</summary>
public static class ForecastStore
{
    /// <summary>What a run was made from, stored beside it.</summary>
    internal sealed record RunContext(LocalDate HistoryThrough, string DataStamp, string Settings, string Sources, TimeSpan Elapsed);

    /// <summary>Stores a run with a new run id, in the caller's transaction; returns the run id.</summary>
    internal static long Save(WarehouseConnection connection, ForecastRun run, IReadOnlyList<VolumeSeries> history, RunContext context)
    {
        long runId;
        using (var next = connection.CreateCommand("SELECT nextval('forecast_run_ids')"))
        {
            runId = next.ExecuteScalar<long>();
        }

        using (var insert = connection.CreateCommand("""
            INSERT INTO forecast_runs VALUES ($run, $at, $frequency, $horizon, $through, $stamp, $settings, $sources, $points, $c80, $c95, $elapsed)
            """))
        {
            insert.Parameters.Add("run", runId).Add("at", run.GeneratedAt).Add("frequency", FrequencyName(run.Frequency))
                .Add("horizon", run.Horizon).Add("through", context.HistoryThrough.ToDateOnly()).Add("stamp", context.DataStamp)
                .Add("settings", context.Settings).Add("sources", context.Sources).Add("points", run.Coverage.Points)
                .Add("c80", run.Coverage.Coverage80).Add("c95", run.Coverage.Coverage95)
                .Add("elapsed", (long)context.Elapsed.TotalMilliseconds);
            insert.ExecuteNonQuery();
        }

        var histories = history.ToDictionary(h => h.Key, StringComparer.Ordinal);
        using (var series = connection.CreateAppender("forecast_series"))
        {
            for (var i = 0; i < run.Series.Count; i++)
            {
                var forecast = run.Series[i];
                var past = histories[forecast.Key];
                series.Append(runId).Append(forecast.Key).Append(i).Append(forecast.Model).Append(forecast.BacktestMase)
                    .Append(forecast.SeasonalNaiveMase).Append(past.Start.ToDateOnly()).Append(past.Length).Append(InputDigest(past)).EndRow();
            }

            series.Complete();
        }

        using (var points = connection.CreateAppender("forecasts"))
        {
            foreach (var forecast in run.Series)
            {
                foreach (var p in forecast.Points)
                {
                    points.Append(runId).Append(forecast.Key).Append(p.Date.ToDateOnly()).Append(p.Value)
                        .Append(p.Lo80).Append(p.Hi80).Append(p.Lo95).Append(p.Hi95).EndRow();
                }
            }

            points.Complete();
        }

        return runId;
    }

    /// <summary>
    /// The newest stored run of <paramref name="frequency"/>, its series limited to keys starting with
    /// <paramref name="keyPrefix"/> (e.g. "channel:") when given; null when refresh has stored none.
    /// </summary>
    public static StoredForecastRun? Latest(WarehouseConnection connection, SeriesFrequency frequency, string? keyPrefix = null)
    {
        using var latest = connection.CreateCommand("""
            SELECT run_id, generated_at, horizon, history_through, sources, coverage_points, coverage80, coverage95
            FROM forecast_runs WHERE frequency = $frequency ORDER BY run_id DESC LIMIT 1
            """);
        latest.Parameters.Add("frequency", FrequencyName(frequency));
        long runId;
        DateTimeOffset generatedAt;
        int horizon;
        LocalDate through;
        string sources;
        IntervalCoverage coverage;
        using (var reader = latest.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            runId = reader.GetInt64(0);
            generatedAt = reader.GetDateTimeOffset(1);
            horizon = reader.GetInt32(2);
            through = LocalDate.FromDateOnly(reader.GetDateOnly(3));
            sources = reader.GetString(4);
            coverage = new IntervalCoverage(reader.GetInt32(5), reader.GetNullableDouble(6), reader.GetNullableDouble(7));
        }

        var points = new Dictionary<string, List<ForecastPoint>>(StringComparer.Ordinal);
        using (var read = connection.CreateCommand("""
            SELECT series_key, day, value, lo80, hi80, lo95, hi95 FROM forecasts
            WHERE run_id = $run AND starts_with(series_key, $prefix) ORDER BY series_key, day
            """))
        {
            read.Parameters.Add("run", runId).Add("prefix", keyPrefix ?? string.Empty);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                var list = points.TryGetValue(key, out var existing) ? existing : points[key] = [];
                list.Add(new ForecastPoint(LocalDate.FromDateOnly(reader.GetDateOnly(1)), reader.GetDouble(2),
                    reader.GetNullableDouble(3), reader.GetNullableDouble(4), reader.GetNullableDouble(5), reader.GetNullableDouble(6)));
            }
        }

        var series = new List<StoredSeries>();
        using (var read = connection.CreateCommand("""
            SELECT series_key, model, backtest_mase, seasonal_naive_mase, history_start, history_periods FROM forecast_series
            WHERE run_id = $run AND starts_with(series_key, $prefix) ORDER BY position
            """))
        {
            read.Parameters.Add("run", runId).Add("prefix", keyPrefix ?? string.Empty);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                series.Add(new StoredSeries(key, reader.GetString(1), reader.GetNullableDouble(2), reader.GetNullableDouble(3),
                    LocalDate.FromDateOnly(reader.GetDateOnly(4)), reader.GetInt32(5), points.GetValueOrDefault(key) ?? []));
            }
        }

        return new StoredForecastRun(runId, generatedAt, frequency, horizon, through, sources, coverage, series);
    }

    /// <summary>
    /// The newest stored run of <paramref name="frequency"/> when it was fitted, with <paramref name="settings"/>, to exactly
    /// <paramref name="history"/> (the same series in the same order, each with the same digest): a refit would store the
    /// same run again. Null otherwise.
    /// </summary>
    internal static long? LatestFittedTo(WarehouseConnection connection, SeriesFrequency frequency, IReadOnlyList<VolumeSeries> history, string settings)
    {
        using var latest = connection.CreateCommand("""
            SELECT r.run_id, r.settings, s.series_key, s.input_digest
            FROM forecast_runs r JOIN forecast_series s ON s.run_id = r.run_id
            WHERE r.run_id = (SELECT max(run_id) FROM forecast_runs WHERE frequency = $frequency)
            ORDER BY s.position
            """);
        latest.Parameters.Add("frequency", FrequencyName(frequency));
        long? runId = null;
        var stored = new List<(string, string?)>();
        using (var reader = latest.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetString(1) != settings)
                {
                    return null;
                }
                runId = reader.GetInt64(0);
                stored.Add((reader.GetString(2), reader.GetNullableString(3)));
            }
        }
        return runId is not null && stored.SequenceEqual(history.Select(h => (h.Key, (string?)InputDigest(h)))) ? runId : null;
    }

    /// <summary>Records that a kept run stands for the data of <paramref name="dataStamp"/> too.</summary>
    internal static void Restamp(WarehouseConnection connection, long runId, string dataStamp)
    {
        using var update = connection.CreateCommand("UPDATE forecast_runs SET data_stamp = $stamp WHERE run_id = $run");
        update.Parameters.Add("stamp", dataStamp).Add("run", runId);
        update.ExecuteNonQuery();
    }

    /// <summary>A digest of what a series' forecast is fitted to: its key, frequency, first date and every value.</summary>
    internal static string InputDigest(VolumeSeries series)
    {
        var bytes = new byte[8 * series.Length];
        for (var i = 0; i < series.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), series.Values[i]);
        }
        var head = System.Text.Encoding.UTF8.GetBytes($"{series.Key}|{FrequencyName(series.Frequency)}|{series.Start:uuuu-MM-dd}|");
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([.. head, .. bytes]));
    }

    internal static string FrequencyName(SeriesFrequency frequency) => frequency == SeriesFrequency.Daily ? "daily" : "weekly";
}
