using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Sla;

/// <summary>An open ticket whose first-response or resolution target is still ahead, and how long is left.</summary>
/// <param name="Target"><c>first_response</c> or <c>resolution</c>.</param>
/// <param name="AsOf">The instant the ticket is judged at: the asked one, else its source's data horizon.</param>
public sealed record DueSoonTicket(
    string Source,
    string TicketId,
    string ClientId,
    string? ClientName,
    string? Tier,
    string Channel,
    string? Priority,
    string? Status,
    Instant CreatedAt,
    string Target,
    Instant DueAt,
    Instant AsOf)
{
    public Duration Left => DueAt - AsOf;
}

/// <summary>The active SLA targets due within a window, soonest first, and how many targets are active in all.</summary>
public sealed record DueSoonList(Duration Within, long ActiveTargets, long DueWithin, IReadOnlyList<DueSoonTicket> Tickets);

/// <summary>
/// Active SLA targets from the ledger (<c>ticket_sla</c>), as of the data horizon each ticket was judged at (or the asked
/// instant): a target not met yet whose deadline has not passed. A paused resolution clock is not due. Reads only.
/// </summary>
public sealed class SlaDueSoon(Warehouse warehouse)
{
    public const int DefaultLimit = 50;

    public DueSoonList Find(Duration within, MetricsFilter? filter = null, Instant? asOf = null, int limit = DefaultLimit)
    {
        filter ??= MetricsFilter.None;
        var where = filter.Sql("s.client_id", "s.channel");
        var sql = $"""
            WITH active AS (
                SELECT s.source, s.ticket_id, s.client_id, s.channel, s.created_at, 'first_response' AS target,
                       s.first_response_due AS due_at, coalesce($asof::TIMESTAMPTZ, s.evaluated_at) AS as_of
                FROM ticket_sla s LEFT JOIN clients c ON c.client_id = s.client_id
                WHERE s.first_response_done_at IS NULL AND s.first_response_due >= coalesce($asof::TIMESTAMPTZ, s.evaluated_at){where}
                UNION ALL
                SELECT s.source, s.ticket_id, s.client_id, s.channel, s.created_at, 'resolution',
                       s.resolution_due, coalesce($asof::TIMESTAMPTZ, s.evaluated_at)
                FROM ticket_sla s LEFT JOIN clients c ON c.client_id = s.client_id
                WHERE s.resolution_done_at IS NULL AND NOT s.resolution_paused
                  AND s.resolution_due >= coalesce($asof::TIMESTAMPTZ, s.evaluated_at){where})
            SELECT a.source, a.ticket_id, a.client_id, c.name, c.tier, a.channel, t.priority, t.status, a.created_at, a.target,
                   a.due_at, a.as_of,
                   count(*) OVER () AS active_targets,
                   count(*) FILTER (WHERE epoch_us(a.due_at) - epoch_us(a.as_of) < $within_us) OVER () AS due_within
            FROM active a
            LEFT JOIN clients c ON c.client_id = a.client_id
            LEFT JOIN tickets t ON t.source = a.source AND t.ticket_id = a.ticket_id
            ORDER BY (epoch_us(a.due_at) - epoch_us(a.as_of)) < $within_us DESC, a.due_at, a.source, a.ticket_id, a.target
            LIMIT $limit
            """;
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand(sql);
        command.Parameters.Add("asof", asOf?.ToDateTimeOffset()).Add("within_us", within.BclCompatibleTicks / 10).Add("limit", limit);
        filter.Bind(command);
        using var reader = command.ExecuteReader();
        var tickets = new List<DueSoonTicket>();
        long active = 0, dueWithin = 0;
        while (reader.Read())
        {
            active = reader.GetInt64(12);
            dueWithin = reader.GetInt64(13);
            var ticket = new DueSoonTicket(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4),
                reader.GetString(5), reader.GetNullableString(6), reader.GetNullableString(7),
                Instant.FromDateTimeOffset(reader.GetDateTimeOffset(8)), reader.GetString(9),
                Instant.FromDateTimeOffset(reader.GetDateTimeOffset(10)), Instant.FromDateTimeOffset(reader.GetDateTimeOffset(11)));
            if (ticket.Left < within)
            {
                tickets.Add(ticket);
            }
        }
        return new DueSoonList(within, active, dueWithin, tickets);
    }
}
