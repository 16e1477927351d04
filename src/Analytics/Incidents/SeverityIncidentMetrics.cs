using NodaTime;

namespace SupportLens.Analytics.Incidents;

/// <summary>
/// The incidents of one severity (or of all, <see cref="Severity"/> null) that started in a period: how many, their
/// compliance with the three targets, and the mean wall-clock time from start to acknowledgement (MTTA) and to
/// resolution (MTTR) over those acknowledged (resp. resolved) by the as-of instant; null when none was.
/// </summary>
public sealed record SeverityIncidentMetrics(
    int? Severity,
    long Incidents,
    IncidentCompliance InitialResponse,
    IncidentCompliance ClientCommunication,
    IncidentCompliance Resolution,
    Duration? MeanTimeToAcknowledge,
    Duration? MeanTimeToResolve)
{
    /// <summary>"1".."4", or "all".</summary>
    public string Key => Severity is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all";
}
