using SupportLens.Analytics.Metrics;

namespace SupportLens.Analytics.Health;

/// <summary>
/// NPS answers in the survey window, and in the window of the same length just before it (null when that earlier
/// window is not known), so a drop can be said in words.
/// </summary>
public sealed record NpsFacts(NetPromoterScore Current, NetPromoterScore? Previous);

/// <summary>
/// SLA targets (first response and resolution, each counted once) of the client's tickets created in the ticket window
/// whose outcome is decided: achieved or breached; targets still running are left out. <see cref="BreachedUrgent"/> is
/// the part of <see cref="Breached"/> on urgent tickets.
/// </summary>
public sealed record SlaFacts(long Achieved, long Breached, long BreachedUrgent)
{
    public long Decided => Achieved + Breached;
}

/// <summary>Incidents that hit the client (named in affected_clients, or `*`) and started in the incident window, by severity.</summary>
public sealed record IncidentFacts(int Severity1, int Severity2, int Severity3, int Severity4)
{
    public static IncidentFacts None { get; } = new(0, 0, 0, 0);

    public int Total => Severity1 + Severity2 + Severity3 + Severity4;
}

/// <summary>Days flagged as volume spikes for the client in the ticket window, out of the days the detector looked at.</summary>
public sealed record SpikeFacts(int SpikeDays, int DaysObserved);

/// <summary>
/// Tickets the client created in the ticket window and in the baseline window before it. Not a health component: the
/// risk model reads it, because a client that stops writing in is as telling as one that writes in angrily.
/// </summary>
public sealed record TicketVolume(long Recent, long Baseline);
