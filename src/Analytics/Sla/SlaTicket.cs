using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>What the SLA clock needs of a ticket. Pass closed_at as <see cref="SolvedAt"/> when solved_at is missing.</summary>
public sealed record SlaTicket(
    Instant CreatedAt,
    Instant? FirstResponseAt,
    Instant? SolvedAt,
    SupportTier Tier,
    TicketPriority? Priority = null);
