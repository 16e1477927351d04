using System.Globalization;

namespace SupportLens.Bench;

/// <summary>Deterministic ticket rows shaped like the warehouse's tickets table, for load benchmarks.</summary>
internal sealed record SyntheticTicket(
    string TicketId, string ClientId, DateTimeOffset CreatedAt, string Channel, string Priority, string Status,
    string Category, int SupportLevel, string AgentId, DateTimeOffset? FirstResponseAt, DateTimeOffset? SolvedAt,
    DateTimeOffset UpdatedAt, int AgentReplies, int Reopens, bool Escalated)
{
    private static readonly string[] Channels = ["email", "chat", "phone", "web", "api"];
    private static readonly string[] Priorities = ["low", "normal", "normal", "normal", "high", "urgent"];
    private static readonly string[] Categories = ["billing", "integration", "voice-quality", "onboarding", "bug", "how-to"];

    internal static IEnumerable<SyntheticTicket> Generate(int count, int seed = 20261101)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            // Exports arrive in time order: creation times rise through the 18 months, with jitter.
            var created = start.AddSeconds((540.0 * 86400 * i / count) + random.Next(0, 3600));
            // Old tickets are solved; only the last weeks' keep a realistic backlog open.
            var solved = i < count * 0.97 || random.NextDouble() < 0.8;
            var firstResponse = created.AddMinutes(random.Next(1, 600));
            var solvedAt = solved ? firstResponse.AddMinutes(random.Next(5, 3000)) : (DateTimeOffset?)null;
            yield return new SyntheticTicket(
                $"T{i:D8}",
                $"C-{random.Next(1, 41):D3}",
                created,
                Channels[random.Next(Channels.Length)],
                Priorities[random.Next(Priorities.Length)],
                solved ? "solved" : "open",
                Categories[random.Next(Categories.Length)],
                random.Next(1, 4),
                $"agent-{random.Next(1, 60):D2}",
                firstResponse,
                solvedAt,
                solvedAt ?? firstResponse,
                random.Next(0, 5),
                random.Next(0, 10) == 0 ? 1 : 0,
                random.Next(0, 12) == 0);
        }
    }

    internal static string CsvHeader =>
        "source,ticket_id,client_id,created_at,channel,priority,status,category,support_level,agent_id,first_response_at,solved_at,closed_at,updated_at,agent_replies,reopens,escalated,batch_id";

    internal string ToCsv() => string.Join(',',
        "bench", TicketId, ClientId, Iso(CreatedAt), Channel, Priority, Status, Category,
        SupportLevel.ToString(CultureInfo.InvariantCulture), AgentId, Iso(FirstResponseAt), Iso(SolvedAt), "", Iso(UpdatedAt),
        AgentReplies.ToString(CultureInfo.InvariantCulture), Reopens.ToString(CultureInfo.InvariantCulture),
        Escalated ? "true" : "false", "1");

    /// <summary>The header of a generic-profile tickets export (DESIGN.md §3): the fields, no source or batch.</summary>
    internal static string GenericCsvHeader =>
        "ticket_id,client_id,created_at,channel,priority,status,category,support_level,agent_id,first_response_at,solved_at,closed_at,updated_at,agent_replies,reopens,escalated";

    /// <summary>This ticket as a line of a generic-profile tickets export.</summary>
    internal string ToGenericCsv() => string.Join(',',
        TicketId, ClientId, Iso(CreatedAt), Channel, Priority, Status, Category,
        SupportLevel.ToString(CultureInfo.InvariantCulture), AgentId, Iso(FirstResponseAt), Iso(SolvedAt), "", Iso(UpdatedAt),
        AgentReplies.ToString(CultureInfo.InvariantCulture), Reopens.ToString(CultureInfo.InvariantCulture),
        Escalated ? "true" : "false");

    private static string Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
