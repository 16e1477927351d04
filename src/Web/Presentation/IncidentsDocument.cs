using NodaTime.Text;
using SupportLens.Analytics.Incidents;

namespace SupportLens.Web.Presentation;

/// <summary>The <c>incidents</c> key of the metrics JSON: compliance per severity and overall, as of an instant.</summary>
internal sealed record IncidentsDocument(string AsOf, IReadOnlyList<SeverityDocument> Severities, SeverityDocument All)
{
    internal static IncidentsDocument Build(IncidentReport report) =>
        new(InstantPattern.ExtendedIso.Format(report.AsOf), [.. report.BySeverity.Select(SeverityDocument.Build)], SeverityDocument.Build(report.Overall));
}

internal sealed record SeverityDocument(
    int? Severity,
    long Incidents,
    ComplianceDocument InitialResponse,
    ComplianceDocument ClientCommunication,
    ComplianceDocument Resolution,
    double? MttaMinutes,
    double? MttrHours)
{
    internal static SeverityDocument Build(SeverityIncidentMetrics s) => new(
        s.Severity,
        s.Incidents,
        ComplianceDocument.Build(s.InitialResponse),
        ComplianceDocument.Build(s.ClientCommunication),
        ComplianceDocument.Build(s.Resolution),
        s.MeanTimeToAcknowledge is { } a ? Math.Round(a.TotalMinutes, 2) : null,
        s.MeanTimeToResolve is { } r ? Math.Round(r.TotalHours, 2) : null);
}

internal sealed record ComplianceDocument(double? Pct, long Met, long Missed, long Open, long NotApplicable)
{
    internal static ComplianceDocument Build(IncidentCompliance c) =>
        new(c.Percent is { } p ? Math.Round(p, 2) : null, c.Met, c.Missed, c.Open, c.NotApplicable);
}

/// <summary>One component's availability and p95 latency against the targets (the <c>availability</c> key).</summary>
internal sealed record AvailabilityDocument(
    string Component,
    double? AvailabilityPct,
    double AvailabilityTargetPct,
    bool? AvailabilityMet,
    double? P95LatencyMs,
    double P95LatencyTargetMs,
    bool? P95LatencyMet,
    long Checks,
    long FailedChecks,
    double MeasuredHours,
    double DownMinutes)
{
    internal static IReadOnlyList<AvailabilityDocument> Build(IncidentReport report) => [.. report.Components.Select(c => new AvailabilityDocument(
        c.Component,
        // Four decimals: 99.9 % and 99.95 % are different promises.
        c.AvailabilityPct is { } a ? Math.Round(a, 4) : null,
        c.Availability.Target,
        c.Availability.Met,
        c.P95LatencyMs is { } p ? Math.Round(p, 1) : null,
        c.P95Latency.Target,
        c.P95Latency.Met,
        c.Checks,
        c.FailedChecks,
        Math.Round(c.Measured.TotalHours, 4),
        Math.Round(c.Down.TotalMinutes, 2)))];
}

/// <summary>One incident of the period with where each of its targets stands.</summary>
internal sealed record IncidentDocument(
    string Source,
    string IncidentId,
    int Severity,
    string Title,
    string? Component,
    DateTimeOffset StartedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? FirstUpdateAt,
    DateTimeOffset? ResolvedAt,
    bool AffectsAll,
    string InitialResponse,
    string ClientCommunication,
    string Resolution)
{
    internal static IncidentDocument Build(ClientIncident i) => new(
        i.Source, i.IncidentId, i.Severity, i.Title, i.Component, i.StartedAt.ToDateTimeOffset(), i.AcknowledgedAt?.ToDateTimeOffset(),
        i.FirstUpdateAt?.ToDateTimeOffset(), i.ResolvedAt?.ToDateTimeOffset(), i.AffectsAll,
        Status(i.Evaluation.InitialResponse.Status), Status(i.Evaluation.ClientCommunication.Status), Status(i.Evaluation.Resolution.Status));

    /// <summary>met, missed, open or not_applicable.</summary>
    internal static string Status(IncidentTargetStatus status) => status switch
    {
        IncidentTargetStatus.Met => "met",
        IncidentTargetStatus.Missed => "missed",
        IncidentTargetStatus.Open => "open",
        _ => "not_applicable",
    };
}
