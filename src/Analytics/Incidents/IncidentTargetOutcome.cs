using NodaTime;

namespace SupportLens.Analytics.Incidents;

/// <summary>One incident target as of an instant; Target and Deadline are null when <see cref="IncidentTargetStatus.NotApplicable"/>.</summary>
public sealed record IncidentTargetOutcome(IncidentTargetStatus Status, Duration? Target, Instant? Deadline, Duration? Took);
