using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>Targets counted as business time on <see cref="Calendar"/>.</summary>
public sealed record SlaTargets(Duration FirstResponse, Duration Resolution, BusinessCalendar Calendar);
