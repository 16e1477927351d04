using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>A status ticket-event: at <see cref="OccurredAt"/> the ticket's status became <see cref="Status"/>.</summary>
public sealed record TicketStatusChange(Instant OccurredAt, TicketStatus Status);
