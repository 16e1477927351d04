using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>
/// Keeps <c>health_scores</c> and <c>health_inputs</c> (and, through <see cref="RiskRuns"/>, <c>risk_runs</c> and
/// <c>client_risk</c>): the health of every active client on every day from the first day of data to the data horizon's
/// day, each scored from what was known at the end of that day, with its trend against the score
/// <see cref="HealthSettings.TrendDays"/> earlier. Runs after the SLA ledger and the spikes, which it reads.
/// A refresh recomputes only the clients and days that the data loaded since the last one can reach
/// (<see cref="HealthChanges"/>), a group of clients at a time (about <see cref="TicketsPerGroup"/> tickets each, so memory
/// stays bounded however long the history), writes only the score rows whose content changed, and retrains only the risk
/// runs whose inputs changed. <c>refresh --force</c> clears its mark: then every client is recomputed from the first day.
/// </summary>
public sealed class ClientHealthTable : IDerivedTable
{
    public const string TableName = "client-health";

    /// <summary>About how many tickets one group of clients reads at a time.</summary>
    internal const long TicketsPerGroup = 2_000_000;

    private readonly SupportLensSettings _settings;
    private readonly TimeProvider _time;
    private readonly HealthScorer _scorer;
    private readonly HealthInputsQuery _query;
    private readonly HealthStore _store;
    private readonly string _settingsFingerprint;

    public ClientHealthTable(SupportLensSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _scorer = new HealthScorer(settings.Health, settings.Targets);
        _query = new HealthInputsQuery(settings.Health, settings.ReportingTimeZone);
        _store = new HealthStore(settings.Health);
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
        var mark = DerivedState.BatchMark(connection);
        var zone = _settings.ReportingTimeZone;
        var changes = new HealthChanges(_query, zone, Name);
        var clients = ClientAccounts.Read(connection).ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        long written = 0;
        string basis = "-";
        LocalDate? lastDay = null;
        if (History(connection, zone) is var (first, last))
        {
            var globals = HealthGlobals.Read(connection, zone);
            basis = HealthChanges.Basis(connection, _settingsFingerprint, first, globals);
            var from = changes.Find(connection, [.. clients.Keys], basis, first, last);
            HealthStore.Trim(connection, first, last);
            foreach (var group in Groups(connection, from))
            {
                written += Recompute(connection, clients, group.Clients, group.From, (first, last), globals);
            }
            lastDay = last;
            if (from.Count > 0)
            {
                written += new RiskRuns(_settings.Risk, _settings.Health, _settingsFingerprint)
                    .Refresh(connection, _store, clients, from.Values.Min(), now);
            }
        }
        else
        {
            HealthStore.Trim(connection, null, null);
            connection.ExecuteNonQuery("DELETE FROM client_risk; DELETE FROM risk_runs;");
        }
        changes.Save(connection, mark, basis, lastDay, now);
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

    /// <summary>
    /// Recomputes <paramref name="group"/>'s days from <paramref name="from"/> to the history's last and stores them;
    /// returns how many score rows changed. Each client's days in order, so every score can be compared with the one
    /// trend_days before it (the stored one when that day is not recomputed).
    /// </summary>
    private long Recompute(
        WarehouseConnection connection, IReadOnlyDictionary<string, ClientAccount> clients, IReadOnlyCollection<string> group,
        LocalDate from, (LocalDate First, LocalDate Last) history, HealthGlobals globals)
    {
        var trendDays = _settings.Health.TrendDays;
        var scores = _store.Scores(connection, group, from.PlusDays(-trendDays), from.PlusDays(-1));
        var days = new List<(HealthInputsRow, HealthRow)>();
        foreach (var row in _query.ReadRows(connection, new HealthScope(group, from, history.Last, globals), sinceFirst: from == history.First))
        {
            if (!clients.TryGetValue(row.ClientId, out var client))
            {
                continue;
            }
            var health = _scorer.Score(row.ToInputs(client, _settings.Health), scores.GetValueOrDefault((row.ClientId, row.Day.PlusDays(-trendDays))));
            scores[(row.ClientId, row.Day)] = health;
            days.Add((row, HealthRow.From(health)));
        }
        return _store.Replace(connection, group, from, days);
    }

    /// <summary>
    /// The clients to recompute in groups of about <see cref="TicketsPerGroup"/> tickets (those their windows read), each
    /// from the earliest day any of its clients needs; clients that need the same days go together.
    /// </summary>
    private IEnumerable<(IReadOnlyCollection<string> Clients, LocalDate From)> Groups(WarehouseConnection connection, Dictionary<string, LocalDate> from)
    {
        if (from.Count == 0)
        {
            yield break;
        }
        var zone = _settings.ReportingTimeZone;
        var reach = _settings.Health.TicketWindowDays + _settings.Health.VolumeBaselineDays + 1;
        var since = from.Values.Min().PlusDays(-reach).AtStartOfDayInZone(zone).ToDateTimeOffset();
        var tickets = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand($"SELECT client_id, count(*) FROM tickets WHERE created_at >= {Sql.SqlInstant.Literal(since)} GROUP BY ALL"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tickets[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        var group = new List<string>();
        long size = 0;
        LocalDate? groupFrom = null;
        foreach (var (client, day) in from.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var n = tickets.GetValueOrDefault(client);
            if (group.Count > 0 && size + n > TicketsPerGroup)
            {
                yield return (group, groupFrom!.Value);
                group = [];
                size = 0;
                groupFrom = null;
            }
            group.Add(client);
            size += n;
            groupFrom ??= day;
        }
        yield return (group, groupFrom!.Value);
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
