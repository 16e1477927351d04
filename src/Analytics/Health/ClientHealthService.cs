using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health.Daily;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Risk;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health;

/// <summary>
/// Reads client health and risk as `supportlens refresh` stored them (<see cref="ClientHealthTable"/>); never computes
/// or writes them. Retention is worked out from the clients table, which is cheap and always current.
/// </summary>
public sealed class ClientHealthService(Warehouse warehouse, SupportLensSettings settings)
{
    private const string HealthColumns =
        "h.client_id, h.as_of, h.score, h.band, h.coverage, h.survey_answers, h.tickets, h.components, h.drivers, h.earlier_score, h.trend_change, h.trend";

    private const string RiskColumns = "r.probability, r.at_risk, r.method, r.drivers, r.run_as_of";

    /// <summary>The first and last stored days; null when refresh has stored none.</summary>
    public StoredHealthDays? StoredDays()
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT min(as_of), max(as_of) FROM health_scores");
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.IsDBNull(0) ? null : new StoredHealthDays(Date(reader, 0), Date(reader, 1));
    }

    /// <summary>The clients active on <paramref name="asOf"/> (those with a stored score that day), most at risk first.</summary>
    public HealthBook Book(LocalDate asOf)
    {
        using var connection = warehouse.OpenConnection();
        var clients = ClientAccounts.Read(connection).ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        var entries = Entries(connection, clients, asOf, null)
            .OrderByDescending(e => e.Risk?.AtRisk == true)
            .ThenByDescending(e => e.Risk?.Probability ?? -1)
            .ThenBy(e => e.Health.Score ?? int.MaxValue)
            .ThenBy(e => e.Client.ClientId, StringComparer.Ordinal)
            .ToImmutableArray();
        return new HealthBook(asOf, entries, Run(connection, asOf), Retention(clients.Values, asOf));
    }

    /// <summary>One client's detail on <paramref name="asOf"/>; null when it has no stored score that day (unknown, or not active then).</summary>
    public ClientHealthDetail? Client(string clientId, LocalDate asOf)
    {
        using var connection = warehouse.OpenConnection();
        var clients = ClientAccounts.Read(connection).ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        if (Entries(connection, clients, asOf, clientId).FirstOrDefault() is not { } entry)
        {
            return null;
        }
        using var command = connection.CreateCommand("""
            SELECT h.as_of, h.score, h.band, h.coverage, r.probability, r.at_risk
            FROM health_scores h LEFT JOIN client_risk r ON r.client_id = h.client_id AND r.as_of = h.as_of
            WHERE h.client_id = $client AND h.as_of <= $day
            ORDER BY h.as_of
            """);
        command.Parameters.Add("client", clientId).Add("day", asOf.ToDateOnly());
        using var reader = command.ExecuteReader();
        var history = ImmutableArray.CreateBuilder<HealthHistoryPoint>();
        while (reader.Read())
        {
            history.Add(new HealthHistoryPoint(
                Date(reader, 0),
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                Band(reader, 2),
                reader.GetDouble(3),
                reader.GetNullableDouble(4),
                reader.IsDBNull(5) ? null : reader.GetBoolean(5)));
        }
        return new ClientHealthDetail(entry, history.ToImmutable(), Run(connection, asOf));
    }

    /// <summary>
    /// Annual and quarterly retention: the 12 and the 3 months that end with <paramref name="asOf"/>, of every client or of
    /// those <paramref name="keep"/> keeps (a tier, a success manager's book).
    /// </summary>
    public HealthRetention Retention(LocalDate asOf, Func<ClientAccount, bool>? keep = null)
    {
        using var connection = warehouse.OpenConnection();
        var clients = ClientAccounts.Read(connection);
        return Retention(keep is null ? clients : clients.Where(keep), asOf);
    }

    private HealthRetention Retention(IEnumerable<ClientAccount> clients, LocalDate asOf)
    {
        var list = clients.ToList();
        var target = settings.Targets.RetentionPct;
        return new HealthRetention(
            ClientRetention.Measure(list, RetentionPeriod.Trailing(asOf, 12), target),
            ClientRetention.Measure(list, RetentionPeriod.Trailing(asOf, 3), target));
    }

    private List<ClientHealthEntry> Entries(
        WarehouseConnection connection, Dictionary<string, ClientAccount> clients, LocalDate asOf, string? clientId)
    {
        using var command = connection.CreateCommand($"""
            SELECT {HealthColumns}, {RiskColumns}
            FROM health_scores h LEFT JOIN client_risk r ON r.client_id = h.client_id AND r.as_of = h.as_of
            WHERE h.as_of = $day AND ($client IS NULL OR h.client_id = $client)
            ORDER BY h.client_id
            """);
        command.Parameters.Add("day", asOf.ToDateOnly()).Add("client", clientId);
        using var reader = command.ExecuteReader();
        var entries = new List<ClientHealthEntry>();
        while (reader.Read())
        {
            if (!clients.TryGetValue(reader.GetString(0), out var client))
            {
                continue;
            }
            var row = new HealthRow(
                client.ClientId,
                Date(reader, 1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                Band(reader, 3),
                reader.GetDouble(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.GetString(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : Enum.Parse<TrendDirection>(reader.GetString(11), ignoreCase: true));
            var health = row.ToScore(settings.Health);
            ClientRisk? risk = reader.IsDBNull(13) ? null : new ClientRisk(
                client.ClientId,
                health.AsOf,
                reader.GetNullableDouble(12),
                reader.GetBoolean(13),
                Method(reader.GetString(14)),
                [.. HealthJson.Read<List<RiskDriver>>(reader.GetString(15))]);
            entries.Add(new ClientHealthEntry(client, health, risk));
        }
        return entries;
    }

    /// <summary>The run whose model assessed <paramref name="asOf"/>.</summary>
    private static RiskRunSummary? Run(WarehouseConnection connection, LocalDate asOf)
    {
        using var command = connection.CreateCommand("""
            SELECT run_as_of, assesses_to, method, model, churn_events, auc, brier, card
            FROM risk_runs WHERE run_as_of <= $day AND assesses_to >= $day
            """);
        command.Parameters.Add("day", asOf.ToDateOnly());
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var card = reader.GetString(7);
        using var json = JsonDocument.Parse(card);
        return new RiskRunSummary(
            Date(reader, 0),
            Date(reader, 1),
            Method(reader.GetString(2)),
            reader.GetNullableString(3),
            reader.GetInt32(4),
            reader.GetNullableDouble(5),
            reader.GetNullableDouble(6),
            json.RootElement.GetProperty("note").GetString() ?? "",
            card);
    }

    private static RiskMethod Method(string name) => name == RiskRuns.MethodName(RiskMethod.Model) ? RiskMethod.Model : RiskMethod.HealthRules;

    private static LocalDate Date(DbDataReader reader, int ordinal) => LocalDate.FromDateOnly(reader.GetDateOnly(ordinal));

    private static HealthBand? Band(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Enum.Parse<HealthBand>(reader.GetString(ordinal), ignoreCase: true);
}
