namespace SupportLens.SampleData.Scale;

/// <summary>A row of the generic `tickets` file (DESIGN.md §3), as `tickets.csv` holds it; instants in UTC.</summary>
public sealed record TicketRow(
    string TicketId,
    string ClientId,
    DateTimeOffset CreatedAt,
    string Channel,
    string Priority,
    string Status,
    string Category,
    int SupportLevel,
    string? AgentId,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    int AgentReplies,
    int Reopens,
    bool Escalated);
