using System.Globalization;
using NodaTime;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>
/// Reads and writes <c>health_scores</c> and <c>health_inputs</c> for the client-health refresh, a group of clients from a
/// day on at a time, so that a refresh holds one group's days in memory, never the whole history.
/// </summary>
internal sealed class HealthStore(HealthSettings settings)
{
    /// <summary>
    /// The stored scores of <paramref name="clients"/> from <paramref name="from"/> to <paramref name="to"/>: the earlier
    /// scores the trends of a recomputed group's first days are measured against.
    /// </summary>
    public Dictionary<(string Client, LocalDate Day), HealthScore> Scores(
        WarehouseConnection connection, IReadOnlyCollection<string> clients, LocalDate from, LocalDate to)
    {
        var scores = new Dictionary<(string, LocalDate), HealthScore>();
        if (to < from)
        {
            return scores;
        }
        using var command = connection.CreateCommand(
            $"SELECT {HealthRow.Columns} FROM health_scores h WHERE h.as_of BETWEEN $from AND $to AND {In("h.client_id", clients)}");
        command.Parameters.Add("from", from.ToDateOnly()).Add("to", to.ToDateOnly());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = HealthRow.Read(reader);
            scores[(row.ClientId, row.AsOf)] = row.ToScore(settings);
        }
        return scores;
    }

    /// <summary>
    /// Replaces the stored days of <paramref name="clients"/> from <paramref name="from"/> on with <paramref name="days"/>:
    /// every inputs row, and the score rows whose content changed (and those of days no longer scored). Returns how many
    /// score rows it wrote.
    /// </summary>
    public long Replace(WarehouseConnection connection, IReadOnlyCollection<string> clients, LocalDate from, IReadOnlyList<(HealthInputsRow Inputs, HealthRow Row)> days)
    {
        var clientIn = In("client_id", clients);
        var since = $"DATE '{from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}'";
        var stored = new Dictionary<(string, LocalDate), string>();
        using (var command = connection.CreateCommand($"SELECT client_id, as_of, fingerprint FROM health_scores WHERE as_of >= {since} AND {clientIn}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored[(reader.GetString(0), LocalDate.FromDateOnly(reader.GetDateOnly(1)))] = reader.GetString(2);
            }
        }
        var fresh = days.Select(d => d.Row).ToDictionary(r => (r.ClientId, r.AsOf));
        var changed = fresh.Values.Where(r => stored.GetValueOrDefault((r.ClientId, r.AsOf)) != r.Fingerprint).ToList();
        var stale = stored.Where(s => !fresh.TryGetValue(s.Key, out var row) || row.Fingerprint != s.Value).Select(s => s.Key).ToList();
        if (stale.Count > 0)
        {
            connection.ExecuteNonQuery("CREATE OR REPLACE TEMP TABLE health_stale (client_id VARCHAR, as_of DATE)");
            using (var keys = connection.CreateAppender("health_stale"))
            {
                foreach (var (client, day) in stale)
                {
                    keys.Append(client).Append(day.ToDateOnly()).EndRow();
                }
                keys.Complete();
            }
            connection.ExecuteNonQuery("""
                DELETE FROM health_scores h USING health_stale s WHERE h.client_id = s.client_id AND h.as_of = s.as_of;
                DROP TABLE health_stale;
                """);
        }
        connection.ExecuteNonQuery($"DELETE FROM health_inputs WHERE as_of >= {since} AND {clientIn}");
        using (var inputs = connection.CreateAppender("health_inputs"))
        {
            foreach (var (row, _) in days)
            {
                inputs.Append(row.ClientId).Append(row.Day.ToDateOnly()).Append(row.FirstNpsDay?.ToDateOnly())
                    .Append(row.IncidentData).Append(row.SpikeDaysObserved);
                foreach (var n in row.Measures)
                {
                    inputs.Append(n);
                }
                inputs.EndRow();
            }
            inputs.Complete();
        }
        using var appender = connection.CreateAppender("health_scores");
        foreach (var r in changed)
        {
            appender
                .Append(r.ClientId)
                .Append(r.AsOf.ToDateOnly())
                .Append(r.Score)
                .Append(r.Band?.ToString().ToLowerInvariant())
                .Append(r.Coverage)
                .Append(r.SurveyAnswers)
                .Append(r.Tickets)
                .Append(r.Components)
                .Append(r.Drivers)
                .Append(r.EarlierScore)
                .Append(r.TrendChange)
                .Append(r.Trend?.ToString().ToLowerInvariant());
            appender.Append(r.Fingerprint).EndRow();
        }
        appender.Complete();
        return changed.Count;
    }

    /// <summary>Removes the rows outside the history (before its first day, after its last, of clients no longer listed).</summary>
    public static void Trim(WarehouseConnection connection, LocalDate? first, LocalDate? last)
    {
        var outside = first is { } f && last is { } l
            ? $"as_of < DATE '{f:uuuu-MM-dd}' OR as_of > DATE '{l:uuuu-MM-dd}' OR client_id NOT IN (SELECT client_id FROM clients)"
            : "true";
        connection.ExecuteNonQuery($"DELETE FROM health_scores WHERE {outside}; DELETE FROM health_inputs WHERE {outside};");
    }

    /// <summary>The days that have scores, in order.</summary>
    public static List<LocalDate> Days(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("SELECT DISTINCT as_of FROM health_scores ORDER BY as_of");
        using var reader = command.ExecuteReader();
        var days = new List<LocalDate>();
        while (reader.Read())
        {
            days.Add(LocalDate.FromDateOnly(reader.GetDateOnly(0)));
        }
        return days;
    }

    /// <summary>The stored client-days of <paramref name="days"/>, each day's in client id order: what risk runs read.</summary>
    public Dictionary<LocalDate, List<ClientDay>> ClientDays(
        WarehouseConnection connection, IReadOnlyDictionary<string, ClientAccount> clients, IReadOnlyCollection<LocalDate> days)
    {
        var result = new Dictionary<LocalDate, List<ClientDay>>();
        if (days.Count == 0)
        {
            return result;
        }
        var list = string.Join(", ", days.Select(d => string.Create(CultureInfo.InvariantCulture, $"DATE '{d:uuuu-MM-dd}'")));
        var measures = string.Join(", ", HealthInputsQuery.MeasureNames.Select(m => "i." + m));
        using var command = connection.CreateCommand($"""
            SELECT {HealthRow.Columns}, i.first_nps_day, i.incident_data, i.spike_days_observed, {measures}
            FROM health_scores h JOIN health_inputs i ON i.client_id = h.client_id AND i.as_of = h.as_of
            WHERE h.as_of IN ({list})
            ORDER BY h.as_of, h.client_id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = HealthRow.Read(reader);
            if (!clients.TryGetValue(row.ClientId, out var client))
            {
                continue;
            }
            var values = new long[HealthInputsQuery.MeasureNames.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetInt64(15 + i);
            }
            var inputs = new HealthInputsRow(row.ClientId, row.AsOf,
                reader.IsDBNull(12) ? null : LocalDate.FromDateOnly(reader.GetDateOnly(12)),
                reader.GetBoolean(13),
                reader.IsDBNull(14) ? null : reader.GetInt32(14),
                values);
            var day = result.TryGetValue(row.AsOf, out var existing) ? existing : result[row.AsOf] = [];
            day.Add(new ClientDay(client, inputs.ToInputs(client, settings), row.ToScore(settings), row));
        }
        return result;
    }

    private static string In(string column, IReadOnlyCollection<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"))})";
}
