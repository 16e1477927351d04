using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>
/// Keeps <c>health_scores</c> (and, through <see cref="RiskRuns"/>, <c>risk_runs</c> and <c>client_risk</c>): the health
/// of every active client on every day from the first day of data to the data horizon's day, each scored from what was
/// known at the end of that day, with its trend against the score <see cref="HealthSettings.TrendDays"/> earlier.
/// Runs after the SLA ledger and the spikes, which it reads. The facts of all client-days come from one query and scoring is cheap, so
/// a refresh recomputes them and then writes only the rows whose content changed (new days, late data, other
/// settings); risk models are retrained only for runs whose inputs changed.
/// </summary>
public sealed class ClientHealthTable : IDerivedTable
{
    public const string TableName = "client-health";

    private readonly SupportLensSettings _settings;
    private readonly TimeProvider _time;
    private readonly HealthScorer _scorer;
    private readonly string _settingsFingerprint;

    public ClientHealthTable(SupportLensSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _scorer = new HealthScorer(settings.Health, settings.Targets);
        _settingsFingerprint = SettingsFingerprint(settings);
    }

    public string Name => TableName;

    public bool IsStale(WarehouseConnection connection) => DerivedState.Get(connection, Name) != Stamp(connection);

    /// <summary>Brings the tables up to date; returns how many health and risk rows were (re)written.</summary>
    public long Refresh(WarehouseConnection connection)
    {
        var now = _time.GetUtcNow();
        using var transaction = connection.BeginTransaction();
        var stamp = Stamp(connection);
        var days = Score(connection);
        var written = WriteHealth(connection, days);
        written += new RiskRuns(_settings.Risk, _settings.Health, _settingsFingerprint).Refresh(connection, days, now);
        DerivedState.Set(connection, Name, stamp, now);
        transaction.Commit();
        return written;
    }

    /// <summary>The first and the last day that get scores: the first day of any data to the data horizon's day, in the reporting zone.</summary>
    internal static (LocalDate First, LocalDate Last)? History(WarehouseConnection connection, DateTimeZone zone)
    {
        using var command = connection.CreateCommand("""
            SELECT least((SELECT min(created_at) FROM tickets), (SELECT min(responded_at) FROM csat_responses),
                         (SELECT min(responded_at) FROM nps_responses), (SELECT min(started_at) FROM incidents)),
                   (SELECT max(horizon) FROM data_horizon)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.IsDBNull(0) || reader.IsDBNull(1))
        {
            return null;
        }
        var first = Instant.FromDateTimeOffset(reader.GetDateTimeOffset(0)).InZone(zone).Date;
        var last = Instant.FromDateTimeOffset(reader.GetDateTimeOffset(1)).InZone(zone).Date;
        return last < first ? null : (first, last);
    }

    private List<ClientDay> Score(WarehouseConnection connection)
    {
        if (History(connection, _settings.ReportingTimeZone) is not var (first, last))
        {
            return [];
        }
        var clients = ClientAccounts.Read(connection).ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        var inputs = new HealthInputsQuery(_settings.Health, _settings.ReportingTimeZone).Read(connection, clients, first, last);
        var perClient = inputs.GroupBy(i => i.ClientId).ToList();
        var scored = new List<ClientDay>[perClient.Count];
        // Each client's days in order, so every score can be compared with the one trend_days before it.
        Parallel.For(0, perClient.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var client = clients[perClient[i].Key];
            var byDay = new Dictionary<LocalDate, HealthScore>();
            var list = new List<ClientDay>();
            foreach (var day in perClient[i])
            {
                var health = _scorer.Score(day, byDay.GetValueOrDefault(day.AsOf.PlusDays(-_settings.Health.TrendDays)));
                byDay[day.AsOf] = health;
                list.Add(new ClientDay(client, day, health, HealthRow.From(health)));
            }
            scored[i] = list;
        });
        return [.. scored.SelectMany(s => s)];
    }

    private static long WriteHealth(WarehouseConnection connection, List<ClientDay> days)
    {
        var stored = new Dictionary<(string, LocalDate), string>();
        using (var command = connection.CreateCommand("SELECT client_id, as_of, fingerprint FROM health_scores"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored[(reader.GetString(0), LocalDate.FromDateOnly(reader.GetDateOnly(1)))] = reader.GetString(2);
            }
        }
        var fresh = days.Select(d => d.Row).ToDictionary(r => (r.ClientId, r.AsOf));
        var changed = fresh.Values.Where(r => stored.GetValueOrDefault((r.ClientId, r.AsOf)) != r.Fingerprint).ToList();
        var stale = stored
            .Where(s => !fresh.TryGetValue(s.Key, out var row) || row.Fingerprint != s.Value)
            .Select(s => s.Key)
            .ToList();

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
                .Append(r.Trend?.ToString().ToLowerInvariant())
                .Append(r.Fingerprint);
            appender.EndRow();
        }
        appender.Complete();
        return changed.Count;
    }

    /// <summary>What the tables were computed from: the loaded data, the SLA ledger, the horizons and the settings.</summary>
    private string Stamp(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("""
            SELECT concat_ws('|',
                (SELECT coalesce(string_agg(policy || ':' || stamp, ','), '') FROM sla_ledger_state),
                (SELECT coalesce(string_agg(kind || '/' || source || '/' || CAST(horizon AS VARCHAR), ',' ORDER BY kind, source), '') FROM data_horizon))
            """);
        // The spikes' own stamp carries their settings, which move spike verdicts without any new data.
        return string.Join('|', DerivedState.DataStamp(connection), command.ExecuteScalar<string>(),
            DerivedState.Get(connection, SpikeTable.TableName) ?? "", _settingsFingerprint);
    }

    private static string SettingsFingerprint(SupportLensSettings settings)
    {
        var targets = settings.Targets;
        var text = string.Join('|',
            settings.ReportingTimeZone.Id,
            HealthJson.Write(HealthSectionDocument.From(settings.Health)),
            HealthJson.Write(RiskSectionDocument.From(settings.Risk)),
            string.Join(',', targets.Tiers.OrderBy(t => t.Key).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}:{t.Value.CsatPct}:{t.Value.FcrPct}"))),
            string.Create(CultureInfo.InvariantCulture, $"{targets.SlaCompliancePct}:{targets.EscalationRateMaxPct}:{targets.NpsMin}"));
        return HealthRow.Digest(text);
    }
}
