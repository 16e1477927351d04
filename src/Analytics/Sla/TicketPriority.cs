namespace SupportLens.Analytics.Sla;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
