using SupportLens.SampleData;
using SupportLens.SampleData.Scale;
using SupportLens.Storage.Sql;

namespace SupportLens.Bench;

/// <summary>
/// The benches' data: the sample history's `--scale` stream (40 clients, exactly N tickets with the default history's
/// shape), as rows for the appender and as the files `supportlens sample-data --scale N` writes.
/// </summary>
internal static class ScaledSample
{
    /// <summary>Writes clients.csv and tickets.csv (generic profile) into <paramref name="dir"/>, as the CLI does.</summary>
    internal static (string Clients, string Tickets) WriteFiles(string dir, long tickets)
    {
        SampleDataGenerator.Generate(new SampleDataOptions { ScaleTickets = tickets }, dir);
        return (Path.Combine(dir, "clients.csv"), Path.Combine(dir, "tickets.csv"));
    }

    /// <summary>The generic tickets file's columns with the types read_csv is told (no sniffing), as the tickets table has them.</summary>
    internal const string TicketCsvColumns =
        "{'ticket_id': 'VARCHAR', 'client_id': 'VARCHAR', 'created_at': 'TIMESTAMPTZ', 'channel': 'VARCHAR', " +
        "'priority': 'VARCHAR', 'status': 'VARCHAR', 'category': 'VARCHAR', 'support_level': 'TINYINT', 'agent_id': 'VARCHAR', " +
        "'first_response_at': 'TIMESTAMPTZ', 'solved_at': 'TIMESTAMPTZ', 'closed_at': 'TIMESTAMPTZ', 'updated_at': 'TIMESTAMPTZ', " +
        "'agent_replies': 'INTEGER', 'reopens': 'INTEGER', 'escalated': 'BOOLEAN'}";

    /// <summary>INSERT of the generic tickets file into the tickets table by DuckDB alone: source and batch as constants.</summary>
    internal static string ReadCsvInsert(string tickets, string source) =>
        "INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, category, support_level, agent_id, " +
        "first_response_at, solved_at, closed_at, updated_at, agent_replies, reopens, escalated, batch_id) " +
        $"SELECT '{source}', ticket_id, client_id, created_at, channel, priority, status, category, support_level, agent_id, " +
        "first_response_at, solved_at, closed_at, updated_at, agent_replies, reopens, escalated, 1 " +
        $"FROM read_csv('{tickets}', header = true, columns = {TicketCsvColumns})";

    internal static void AppendClients(WarehouseConnection connection, IEnumerable<ClientRow> clients, string source)
    {
        using var appender = connection.CreateAppender("clients");
        foreach (var c in clients)
        {
            appender.Append(c.ClientId).Append(source).Append(c.Name).Append(c.Tier).Append(c.TimeZone).Append(c.Region)
                .Append(c.SuccessManager).Append(c.ContractStart).Append(c.RenewalDate).Append(c.Mrr).Append(c.ChurnedOn)
                .AppendNull().Append(1L).EndRow();
        }
        appender.Complete();
    }

    internal static void AppendTickets(WarehouseConnection connection, IEnumerable<TicketRow> tickets, string source)
    {
        using var appender = connection.CreateAppender("tickets");
        foreach (var t in tickets)
        {
            appender.Append(source).Append(t.TicketId).Append(t.ClientId).Append(t.CreatedAt).Append(t.Channel).Append(t.Priority)
                .Append(t.Status).Append(t.Category).Append(t.SupportLevel).Append(t.AgentId).Append(t.FirstResponseAt)
                .Append(t.SolvedAt).Append(t.ClosedAt).Append(t.UpdatedAt).Append(t.AgentReplies).Append(t.Reopens).Append(t.Escalated)
                .Append(1L).EndRow();
        }
        appender.Complete();
    }
}
