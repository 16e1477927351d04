namespace SupportLens.Analytics.Sla.Incidents;

public sealed record IncidentEvaluation(
    IncidentTargetOutcome InitialResponse,
    IncidentTargetOutcome ClientCommunication,
    IncidentTargetOutcome Resolution);
