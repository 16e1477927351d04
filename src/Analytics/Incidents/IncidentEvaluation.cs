namespace SupportLens.Analytics.Incidents;

public sealed record IncidentEvaluation(
    IncidentTargetOutcome InitialResponse,
    IncidentTargetOutcome ClientCommunication,
    IncidentTargetOutcome Resolution);
