using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Refresh;
using SupportLens.Analytics.Sql;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Sla;

/// <summary>
/// Keeps <c>ticket_sla</c> in step with <c>tickets</c>: evaluates, with the SLA clock, every ticket that is new,
/// changed since its last evaluation, evaluated under other policies, or still open when its source's data horizon
/// moved (a paused ticket's projected deadline moves with it). Open tickets are evaluated as of the horizon of their
/// source (<c>data_horizon</c>, refreshed just before), never the wall clock, so the same data gives the same ledger.
/// Queries then count achieved, breached and active targets in SQL. One transaction per refresh.
/// </summary>
public sealed class SlaLedger(SlaClock clock, TimeProvider time) : IDerivedTable
{
    public const string TableName = "sla-ledger";

    public string Name => TableName;

    // Counts and high-water marks of everything an evaluation reads: tickets, their status events, client tiers.
    private const string Stamp = """
        SELECT concat_ws('|',
            (SELECT concat_ws('/', count(*), max(updated_at), max(batch_id)) FROM tickets),
            (SELECT concat_ws('/', count(*), max(batch_id)) FROM ticket_events),
            (SELECT concat_ws('/', count(*), max(batch_id), max(updated_at)) FROM clients))
        """;

    private readonly string _policy = Fingerprint(clock.Policies);

    /// <summary>Whether tickets, their status events or client tiers changed since the last refresh, or the policies did.</summary>
    public bool IsStale(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand($"""
            SELECT coalesce((SELECT stamp = ({Stamp}) FROM sla_ledger_state WHERE policy = $policy), false)
            """);
        command.Parameters.Add("policy", _policy);
        return !command.ExecuteScalar<bool>();
    }

    /// <summary>Refreshes only when <see cref="IsStale"/>; returns how many tickets were (re-)evaluated.</summary>
    public int RefreshIfStale(WarehouseConnection connection) => IsStale(connection) ? Refresh(connection) : 0;

    long IDerivedTable.Refresh(WarehouseConnection connection) => Refresh(connection);

    /// <summary>Brings the ledger up to date; returns how many tickets were (re-)evaluated.</summary>
    public int Refresh(WarehouseConnection connection)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        using var transaction = connection.BeginTransaction();
        var mark = DerivedState.BatchMark(connection);
        var horizons = TicketHorizons(connection);
        using (var todo = connection.CreateCommand())
        {
            // Open tickets were judged as of the horizons the last refresh saw: only when one moved are they due again.
            todo.CommandText = Seen(connection) is { } seen
                ? TodoSince(seen, horizonsMoved: DerivedState.Get(connection, HorizonsState) != horizons)
                : TodoAll;
            todo.Parameters.Add("policy", _policy);
            todo.ExecuteNonQuery();
        }
        connection.ExecuteNonQuery("""
            DELETE FROM ticket_sla s USING sla_todo d WHERE s.source = d.source AND s.ticket_id = d.ticket_id
            """);

        var evaluated = 0;
        using (var appender = connection.CreateAppender("ticket_sla"))
        {
            // A month of tickets at a time, by creation: each read is materialised by DuckDB, so slicing keeps memory
            // to one month's rows however large the backlog of evaluations, and each slice reads only its row groups.
            foreach (var (from, until) in MonthSlices(connection))
            {
                evaluated += EvaluateSlice(connection, appender, from, until, now);
            }
            appender.Complete();
        }
        connection.ExecuteNonQuery("DROP TABLE sla_todo");
        using (var stamp = connection.CreateCommand())
        {
            stamp.CommandText = $"""
                DELETE FROM sla_ledger_state;
                INSERT INTO sla_ledger_state VALUES ($policy, ({Stamp}), $now);
                """;
            stamp.Parameters.Add("policy", _policy);
            stamp.Parameters.Add("now", now.ToDateTimeOffset());
            stamp.ExecuteNonQuery();
        }
        DerivedState.SetMark(connection, Name, mark, now.ToDateTimeOffset());
        DerivedState.Set(connection, HorizonsState, horizons, now.ToDateTimeOffset());
        transaction.Commit();
        return evaluated;
    }

    // Why a ticket is (re-)evaluated: new, evaluated under other policies, changed since, or still open when its
    // source's horizon moved (or done since, in the columns the ledger saw open).
    private const string Due = """
        s.ticket_id IS NULL
           OR s.policy <> $policy
           OR s.ticket_updated_at IS DISTINCT FROM t.updated_at
           OR ((s.first_response_done_at IS NULL OR s.resolution_done_at IS NULL) AND s.evaluated_at IS DISTINCT FROM coalesce(h.horizon, s.evaluated_at))
           OR (s.first_response_done_at IS NULL AND t.first_response_at IS NOT NULL)
           OR (s.resolution_done_at IS NULL AND coalesce(t.solved_at, t.closed_at) IS NOT NULL)
        """;

    // Every ticket, compared with its ledger row: the first refresh, and any refresh after the policies changed.
    private const string TodoAll = $"""
        CREATE OR REPLACE TEMP TABLE sla_todo AS
        SELECT t.source, t.ticket_id, t.created_at
        FROM tickets t
        LEFT JOIN ticket_sla s ON s.source = t.source AND s.ticket_id = t.ticket_id
        LEFT JOIN data_horizon h ON h.kind = 'tickets' AND h.source = t.source
        WHERE {Due}
        """;

    /// <summary>
    /// The tickets written since batch <paramref name="seen"/> (and any without a batch), the open ones whose horizon
    /// moved, those with new status events and those of clients written since (a tier may have changed): the rest of the ledger is as the last refresh left it, so a refresh
    /// after a small file reads that file's rows, the open tickets and zone maps rather than joining every ticket (each
    /// open test is its own scan so that DuckDB skips the row groups without a NULL, which are most of them).
    /// </summary>
    private static string TodoSince(long seen, bool horizonsMoved)
    {
        var since = seen.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var open = horizonsMoved
            ? """
              UNION
              SELECT s.source, s.ticket_id, s.created_at
              FROM (SELECT * FROM ticket_sla WHERE first_response_done_at IS NULL
                    UNION ALL SELECT * FROM ticket_sla WHERE resolution_done_at IS NULL) s
              LEFT JOIN data_horizon h ON h.kind = 'tickets' AND h.source = s.source
              WHERE s.evaluated_at IS DISTINCT FROM coalesce(h.horizon, s.evaluated_at)
              """
            : "";
        return $"""
            CREATE OR REPLACE TEMP TABLE sla_todo AS
            SELECT t.source, t.ticket_id, t.created_at
            FROM (SELECT * FROM tickets WHERE batch_id > {since} OR batch_id IS NULL) t
            LEFT JOIN ticket_sla s ON s.source = t.source AND s.ticket_id = t.ticket_id
            LEFT JOIN data_horizon h ON h.kind = 'tickets' AND h.source = t.source
            WHERE {Due}
            {open}
            UNION
            SELECT s.source, s.ticket_id, s.created_at
            FROM ticket_events e JOIN ticket_sla s ON s.source = e.source AND s.ticket_id = e.ticket_id
            WHERE e.batch_id > {since} AND e.event = 'status'
            UNION
            SELECT s.source, s.ticket_id, s.created_at
            FROM clients c JOIN ticket_sla s ON s.client_id = c.client_id
            WHERE c.batch_id > {since}
            """;
    }

    private const string HorizonsState = TableName + ":horizons";

    /// <summary>The tickets' horizons per source, as text to compare with what the last refresh judged open tickets at.</summary>
    private static string TicketHorizons(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand(
            "SELECT coalesce(string_agg(source || '=' || epoch_us(horizon), ';' ORDER BY source), '') FROM data_horizon WHERE kind = 'tickets'");
        return command.ExecuteScalar<string>();
    }

    /// <summary>The batch mark of the last refresh under these policies, or null: then every ticket is compared.</summary>
    private long? Seen(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("SELECT count(*) FROM sla_ledger_state WHERE policy = $policy");
        command.Parameters.Add("policy", _policy);
        return command.ExecuteScalar<long>() > 0 ? DerivedState.GetMark(connection, Name) : null;
    }

    private static List<(DateTimeOffset From, DateTimeOffset Until)> MonthSlices(WarehouseConnection connection)
    {
        using var range = connection.CreateCommand();
        range.CommandText = """
            SELECT min(created_at), max(created_at) FROM sla_todo
            """;
        using var reader = range.ExecuteReader();
        reader.Read();
        var slices = new List<(DateTimeOffset, DateTimeOffset)>();
        if (reader.IsDBNull(0))
        {
            return slices;
        }
        var first = reader.GetDateTimeOffset(0);
        var last = reader.GetDateTimeOffset(1);
        var start = new DateTimeOffset(first.Year, first.Month, 1, 0, 0, 0, TimeSpan.Zero);
        while (start <= last)
        {
            var next = start.AddMonths(1);
            slices.Add((start, next));
            start = next;
        }
        return slices;
    }

    private int EvaluateSlice(WarehouseConnection connection, TableAppender appender, DateTimeOffset from, DateTimeOffset until, Instant now)
    {
        var evaluated = 0;
        using var read = connection.CreateCommand();
        // Tickets with their status changes in order, one row per change (or one row without); in creation order, so
        // the ledger's row groups follow time and period filters skip most of them. The bounds are literals so that
        // DuckDB can skip the tickets' other row groups.
        read.CommandText = $"""
            SELECT t.source, t.ticket_id, t.created_at, t.first_response_at, coalesce(t.solved_at, t.closed_at),
                   c.tier, t.priority, t.updated_at, e.occurred_at, e.value, t.client_id, t.channel, h.horizon
            FROM tickets t
            JOIN sla_todo d ON t.source = d.source AND t.ticket_id = d.ticket_id
            JOIN clients c ON c.client_id = t.client_id
            LEFT JOIN data_horizon h ON h.kind = 'tickets' AND h.source = t.source
            LEFT JOIN ticket_events e ON e.source = t.source AND e.ticket_id = t.ticket_id AND e.event = 'status'
            WHERE t.created_at >= {SqlInstant.Literal(from)} AND t.created_at < {SqlInstant.Literal(until)}
              AND d.created_at >= {SqlInstant.Literal(from)} AND d.created_at < {SqlInstant.Literal(until)}
            ORDER BY t.created_at, t.source, t.ticket_id, e.occurred_at
            """;
        using var reader = read.ExecuteReader();
        PendingTicket? current = null;
        while (reader.Read())
        {
            var source = reader.GetString(0);
            var ticketId = reader.GetString(1);
            if (current is null || current.Source != source || current.TicketId != ticketId)
            {
                if (current is not null)
                {
                    Write(appender, current);
                    evaluated++;
                }
                // As of the source's horizon; without one (no refresh of horizons yet), as of the wall clock.
                var asOf = Timestamp(reader, 12) is { } horizon ? Instant.FromDateTimeOffset(horizon) : now;
                current = new PendingTicket(source, ticketId, ReadTicket(reader), Timestamp(reader, 7), reader.GetString(10), reader.GetString(11), asOf);
            }
            if (!reader.IsDBNull(8) && ParseStatus(reader.IsDBNull(9) ? null : reader.GetString(9)) is { } status)
            {
                current.Changes.Add(new TicketStatusChange(Instant.FromDateTimeOffset(reader.GetDateTimeOffset(8)), status));
            }
        }
        if (current is not null)
        {
            Write(appender, current);
            evaluated++;
        }
        return evaluated;
    }

    private void Write(TableAppender appender, PendingTicket pending)
    {
        var evaluation = clock.Evaluate(pending.Ticket, pending.Changes, pending.AsOf);
        var firstResponse = evaluation.FirstResponse;
        var resolution = evaluation.Resolution;
        appender
            .Append(pending.Source)
            .Append(pending.TicketId)
            .Append(pending.Ticket.CreatedAt.ToDateTimeOffset())
            .Append(pending.ClientId)
            .Append(pending.Channel)
            .Append(_policy)
            .Append(pending.UpdatedAt)
            .Append(firstResponse.Deadline.ToDateTimeOffset())
            .Append(firstResponse.CompletedAt?.ToDateTimeOffset())
            .Append(firstResponse.CompletedAt is null ? null : firstResponse.Elapsed.TotalMinutes)
            .Append(resolution.Deadline.ToDateTimeOffset())
            .Append(resolution.CompletedAt?.ToDateTimeOffset())
            .Append(resolution.CompletedAt is null ? null : resolution.Elapsed.TotalMinutes)
            .Append(resolution.IsPaused)
            .Append(pending.AsOf.ToDateTimeOffset());
        appender.EndRow();
    }

    private static SlaTicket ReadTicket(DbDataReader reader) => new(
        Instant.FromDateTimeOffset(reader.GetDateTimeOffset(2)),
        Timestamp(reader, 3) is { } response ? Instant.FromDateTimeOffset(response) : null,
        Timestamp(reader, 4) is { } solved ? Instant.FromDateTimeOffset(solved) : null,
        Enum.Parse<SupportTier>(reader.GetString(5), ignoreCase: true),
        reader.IsDBNull(6) ? null : Enum.Parse<TicketPriority>(reader.GetString(6), ignoreCase: true));

    private static DateTimeOffset? Timestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDateTimeOffset(ordinal);

    private static TicketStatus? ParseStatus(string? value) => value switch
    {
        "new" => TicketStatus.New,
        "open" => TicketStatus.Open,
        "pending" => TicketStatus.Pending,
        "on_hold" or "hold" => TicketStatus.OnHold,
        "solved" => TicketStatus.Solved,
        "closed" => TicketStatus.Closed,
        _ => null,
    };

    /// <summary>A short stable digest of the policies, so a configuration change re-evaluates every ticket.</summary>
    private static string Fingerprint(SlaPolicySet policies)
    {
        var text = new StringBuilder();
        foreach (var policy in policies.Policies.OrderBy(p => p.Tier))
        {
            Describe(text, policy.Tier.ToString(), policy.Targets);
            foreach (var (priority, targets) in Enum.GetValues<TicketPriority>().Select(p => (p, policy.TargetsFor(p))))
            {
                Describe(text, $"{policy.Tier}/{priority}", targets);
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void Describe(StringBuilder text, string name, SlaTargets targets)
    {
        var calendar = targets.Calendar;
        text.Append(name).Append('|').Append(targets.FirstResponse.TotalSeconds).Append('|').Append(targets.Resolution.TotalSeconds)
            .Append('|').Append(calendar.Name).Append('|').Append(calendar.Zone.Id)
            .Append('|').AppendJoin(',', calendar.Hours.Select(h => $"{h.Day}{h.Opens:HHmm}{h.Closes:HHmm}"))
            .Append('|').AppendJoin(',', calendar.Holidays.Rules).Append('|').AppendJoin(',', calendar.Holidays.Dates.Select(d => d.Date))
            .Append('\n');
    }

    private sealed record PendingTicket(
        string Source, string TicketId, SlaTicket Ticket, DateTimeOffset? UpdatedAt, string ClientId, string Channel, Instant AsOf)
    {
        internal List<TicketStatusChange> Changes { get; } = [];
    }
}
