using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>What one priority changes in its tier's targets; null keeps the tier's value.</summary>
public sealed record SlaTargetOverride(Duration? FirstResponse = null, Duration? Resolution = null, BusinessCalendar? Calendar = null);
