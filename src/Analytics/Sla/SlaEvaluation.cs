namespace SupportLens.Analytics.Sla;

/// <summary>Both SLA targets of a ticket and the targets they were measured against.</summary>
public sealed record SlaEvaluation(SlaOutcome FirstResponse, SlaOutcome Resolution, SlaTargets Targets);
