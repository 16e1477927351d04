using System.Data.Common;
using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sql;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Sla;

/// <summary>SLA compliance of the tickets of one priority created in a period (both targets).</summary>
public sealed record PrioritySla(string Priority, long Tickets, SlaCompliance FirstResponse, SlaCompliance Resolution);

/// <summary>Which SLA target a breach is of.</summary>
public enum SlaTarget
{
    FirstResponse,
    Resolution,
}

/// <summary>
/// One breached SLA target: the ticket, whom it belongs to, its deadline, when it was met (null: still open when
/// judged) and how long after the deadline that was, on the wall clock.
/// </summary>
public sealed record SlaBreach(
    string Source,
    string TicketId,
    string ClientId,
    string? ClientName,
    string? Tier,
    string Priority,
    string Channel,
    Instant CreatedAt,
    SlaTarget Target,
    Instant Due,
    Instant? DoneAt,
    Duration Overrun);

/// <summary>The period's breaches with the longest overrun first, and how many breaches there were in all.</summary>
public sealed record SlaBreachList(long Total, IReadOnlyList<SlaBreach> Worst);

/// <summary>
/// The SLA figures a report needs that <see cref="MetricsService"/> does not split by: compliance per ticket priority,
/// and the worst breaches. Both read the <c>ticket_sla</c> ledger with exactly the rules of the metrics' SLA query
/// (tickets by creation in the period; open targets judged as of <c>asOf</c>, else the instant the ledger judged them
/// at), so per-priority counts add up to <c>metrics</c>' figures for the same period.
/// </summary>
public sealed class SlaBreakdown(Warehouse warehouse)
{
    private static readonly string[] PriorityOrder = ["urgent", "high", "normal", "low"];

    // The same predicates as MetricsService's SLA query; $asof NULL means "as the ledger judged it".
    private const string Judged = "coalesce($asof::TIMESTAMPTZ, s.evaluated_at)";
    private const string FirstResponseBreached =
        $"(s.first_response_done_at > s.first_response_due OR (s.first_response_done_at IS NULL AND s.first_response_due < {Judged}))";
    private const string ResolutionBreached =
        $"(s.resolution_done_at > s.resolution_due OR (s.resolution_done_at IS NULL AND NOT s.resolution_paused AND s.resolution_due < {Judged}))";

    /// <summary>Compliance per priority, most urgent first; priorities without tickets in the period are left out.</summary>
    public IReadOnlyList<PrioritySla> ByPriority(ReportingPeriod period, Instant? asOf = null)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"""
            SELECT t.priority,
                   count(*),
                   count(*) FILTER (WHERE s.first_response_done_at <= s.first_response_due),
                   count(*) FILTER (WHERE {FirstResponseBreached}),
                   count(*) FILTER (WHERE s.first_response_done_at IS NULL AND s.first_response_due >= {Judged}),
                   count(*) FILTER (WHERE s.resolution_done_at <= s.resolution_due),
                   count(*) FILTER (WHERE {ResolutionBreached}),
                   count(*) FILTER (WHERE s.resolution_done_at IS NULL AND (s.resolution_paused OR s.resolution_due >= {Judged}))
            FROM ticket_sla s
            JOIN tickets t ON t.source = s.source AND t.ticket_id = s.ticket_id
            WHERE {InPeriod(period)}
            GROUP BY ALL
            """);
        command.Parameters.Add("asof", asOf?.ToDateTimeOffset());
        using var reader = command.ExecuteReader();
        var rows = new List<PrioritySla>();
        while (reader.Read())
        {
            rows.Add(new PrioritySla(
                reader.GetString(0),
                reader.GetInt64(1),
                new SlaCompliance(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)),
                new SlaCompliance(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7))));
        }
        return [.. rows.OrderBy(r => Rank(r.Priority)).ThenBy(r => r.Priority, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The <paramref name="limit"/> breaches with the longest overrun (ties by ticket), first-response and resolution
    /// breaches alike; an open ticket's overrun runs to the instant it is judged at.
    /// </summary>
    public SlaBreachList Worst(ReportingPeriod period, int limit, Instant? asOf = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = warehouse.OpenConnection();
        var breaches = $"""
            SELECT s.source, s.ticket_id, s.client_id, c.name, c.tier, t.priority, s.channel, s.created_at,
                   'first_response' AS target, s.first_response_due AS due, s.first_response_done_at AS done_at,
                   epoch_us(coalesce(s.first_response_done_at, {Judged})) - epoch_us(s.first_response_due) AS overrun_us
            FROM ticket_sla s
            JOIN tickets t ON t.source = s.source AND t.ticket_id = s.ticket_id
            LEFT JOIN clients c ON c.client_id = s.client_id
            WHERE {InPeriod(period)} AND {FirstResponseBreached}
            UNION ALL
            SELECT s.source, s.ticket_id, s.client_id, c.name, c.tier, t.priority, s.channel, s.created_at,
                   'resolution', s.resolution_due, s.resolution_done_at,
                   epoch_us(coalesce(s.resolution_done_at, {Judged})) - epoch_us(s.resolution_due)
            FROM ticket_sla s
            JOIN tickets t ON t.source = s.source AND t.ticket_id = s.ticket_id
            LEFT JOIN clients c ON c.client_id = s.client_id
            WHERE {InPeriod(period)} AND {ResolutionBreached}
            """;
        using var command = connection.CreateCommand($"""
            WITH breaches AS ({breaches})
            SELECT *, count(*) OVER () FROM breaches
            ORDER BY overrun_us DESC, source, ticket_id, target
            LIMIT {limit}
            """);
        command.Parameters.Add("asof", asOf?.ToDateTimeOffset());
        using var reader = command.ExecuteReader();
        var worst = new List<SlaBreach>();
        long total = 0;
        while (reader.Read())
        {
            total = reader.GetInt64(12);
            worst.Add(new SlaBreach(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4),
                reader.GetString(5), reader.GetString(6), At(reader, 7),
                reader.GetString(8) == "first_response" ? SlaTarget.FirstResponse : SlaTarget.Resolution,
                At(reader, 9), reader.IsDBNull(10) ? null : At(reader, 10),
                Duration.FromTicks(reader.GetInt64(11) * 10)));
        }
        return new SlaBreachList(total, worst);
    }

    private static string InPeriod(ReportingPeriod period) =>
        $"s.created_at >= {SqlInstant.Literal(period.StartUtc)} AND s.created_at < {SqlInstant.Literal(period.EndUtc)}";

    private static int Rank(string priority)
    {
        var index = Array.IndexOf(PriorityOrder, priority);
        return index < 0 ? PriorityOrder.Length : index;
    }

    private static Instant At(DbDataReader reader, int ordinal) => Instant.FromDateTimeOffset(reader.GetDateTimeOffset(ordinal));
}
