using NodaTime;

namespace SupportLens.Analytics.Incidents;

/// <summary>Wall-clock targets for one severity; <see cref="ClientCommunication"/> null means none is promised.</summary>
public sealed record IncidentTargets(Duration InitialResponse, Duration? ClientCommunication, Duration Resolution);
