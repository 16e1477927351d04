using NodaTime;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Sql;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Metrics;

/// <summary>An escalated ticket that was still open at <see cref="EscalationSnapshot.At"/>, and how old it was then.</summary>
/// <param name="DoneAt">When it was solved (or closed), if it was by the data's horizon: after the snapshot.</param>
public sealed record OpenEscalation(
    string Source,
    string TicketId,
    Instant CreatedAt,
    string Priority,
    string Channel,
    string Status,
    string? Category,
    int? SupportLevel,
    Duration Age,
    Instant? DoneAt);

/// <summary>A client's escalated tickets open at one instant, oldest first.</summary>
public sealed record EscalationSnapshot(string ClientId, Instant At, IReadOnlyList<OpenEscalation> Open);

/// <summary>
/// Escalated tickets of a client still open at the end of a period, counted as the metrics' backlog is: created before
/// the moment and not solved or closed by it; the moment is the period's end, or the tickets' data horizon (or
/// <c>asOf</c>) when that comes first, since nothing is known beyond it.
/// </summary>
public sealed class OpenEscalations(Warehouse warehouse)
{
    public EscalationSnapshot AtEndOf(ReportingPeriod period, string clientId, Instant? asOf = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        using var connection = warehouse.OpenConnection();
        var end = Instant.FromDateTimeOffset(period.EndUtc);
        var cap = asOf ?? DataHorizons.Read(connection).Tickets;
        // The horizon is an instant the data reaches (a ticket created at it is open at it), as in the backlog.
        var at = cap is { } c && c < end ? c.Plus(Duration.FromTicks(10)) : end;
        var snapshot = SqlInstant.Literal(at.ToDateTimeOffset());
        using var command = connection.CreateCommand($"""
            SELECT source, ticket_id, created_at, priority, channel, status, category, support_level,
                   coalesce(solved_at, closed_at)
            FROM tickets
            WHERE client_id = $client AND escalated AND created_at < {snapshot}
              AND (coalesce(solved_at, closed_at) IS NULL OR coalesce(solved_at, closed_at) >= {snapshot})
            ORDER BY created_at, source, ticket_id
            """);
        command.Parameters.Add("client", clientId);
        using var reader = command.ExecuteReader();
        var open = new List<OpenEscalation>();
        while (reader.Read())
        {
            var created = Instant.FromDateTimeOffset(reader.GetDateTimeOffset(2));
            open.Add(new OpenEscalation(
                reader.GetString(0), reader.GetString(1), created, reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetNullableString(6), reader.IsDBNull(7) ? null : Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                at - created, reader.GetNullableDateTimeOffset(8) is { } done ? Instant.FromDateTimeOffset(done) : null));
        }
        return new EscalationSnapshot(clientId, at, open);
    }
}
