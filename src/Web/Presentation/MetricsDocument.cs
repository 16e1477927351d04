using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Web.Presentation;

/// <summary>
/// What `metrics --json` prints and <c>GET /api/metrics</c> answers (DESIGN.md §7): one record for both, so the field
/// names cannot drift apart. Names are written in snake_case.
/// </summary>
internal sealed record MetricsDocument(
    string From,
    string To,
    string TimeZone,
    DateTimeOffset? AsOf,
    IReadOnlyList<MetricsGroupDocument> Groups,
    IncidentsDocument Incidents,
    IReadOnlyList<AvailabilityDocument> Availability)
{
    internal static MetricsDocument Build(
        MetricsReport report, IncidentReport incidents, IReadOnlyDictionary<string, IReadOnlyList<ClientIncident>>? hits) =>
        new(report.Period.FromText, report.Period.ToText, report.Period.Zone.Id, report.AsOf?.ToDateTimeOffset(),
            [.. report.Groups.Select(g => MetricsGroupDocument.Build(g, hits?.GetValueOrDefault(g.Key)))],
            IncidentsDocument.Build(incidents),
            AvailabilityDocument.Build(incidents));
}

/// <summary>One group's figures; percentages to two places, those with a target to the places that decide it.</summary>
internal sealed record MetricsGroupDocument(
    string Key,
    IReadOnlyList<IncidentHitDocument>? IncidentsHit,
    long Tickets,
    double? CsatPct,
    long CsatResponses,
    double? CsatLo95,
    double? CsatHi95,
    double? Nps,
    long NpsResponses,
    double? NpsMoe,
    double? FcrPct,
    double? SlaFirstResponsePct,
    double? SlaResolutionPct,
    double? EscalationPct,
    double? ReopenPct,
    long TicketsSolved,
    long BacklogOpen,
    double? BacklogMedianAgeHours,
    double? FirstResponseP50Minutes,
    double? FirstResponseP90Minutes,
    double? ResolutionP50Hours,
    double? ResolutionP90Hours,
    SlaCountsDocument SlaFirstResponse,
    SlaCountsDocument SlaResolution,
    double? FirstResponseP50BusinessMinutes,
    double? FirstResponseP90BusinessMinutes,
    double? ResolutionP50BusinessHours,
    double? ResolutionP90BusinessHours,
    IReadOnlyList<TargetDocument> Targets)
{
    internal static MetricsGroupDocument Build(QualityMetrics g, IReadOnlyList<ClientIncident>? hits) => new(
        g.Key,
        hits?.Select(IncidentHitDocument.Build).ToList(),
        g.TicketsCreated,
        Figures.Json(g, "csat_pct", g.Csat.Percent),
        g.Csat.Total,
        Figures.Round(g.Csat.Lower95),
        Figures.Round(g.Csat.Upper95),
        Figures.Json(g, "nps", g.Nps.Score),
        g.Nps.Responses,
        Figures.Round(g.Nps.MarginOfError),
        Figures.Json(g, "fcr_pct", g.FirstContactResolution.Percent),
        Figures.Json(g, "sla_first_response_pct", g.SlaFirstResponse.Percent),
        Figures.Json(g, "sla_resolution_pct", g.SlaResolution.Percent),
        Figures.Json(g, "escalation_pct", g.Escalations.Percent),
        Figures.Round(g.Reopens.Percent),
        g.TicketsSolved,
        g.Backlog.Open,
        Figures.Round(g.Backlog.MedianAgeHours),
        Figures.Round(g.FirstResponseMinutes.P50),
        Figures.Round(g.FirstResponseMinutes.P90),
        Figures.Round(g.ResolutionHours.P50),
        Figures.Round(g.ResolutionHours.P90),
        SlaCountsDocument.Build(g.SlaFirstResponse),
        SlaCountsDocument.Build(g.SlaResolution),
        Figures.Round(g.FirstResponseBusinessMinutes.P50),
        Figures.Round(g.FirstResponseBusinessMinutes.P90),
        Figures.Round(g.ResolutionBusinessHours.P50),
        Figures.Round(g.ResolutionBusinessHours.P90),
        [.. g.Targets.Select(t => new TargetDocument(t.Metric, Figures.Decisive(t), t.Target, t.Met, Figures.Margin(t)))]);
}

internal sealed record SlaCountsDocument(long Achieved, long Breached, long Active)
{
    internal static SlaCountsDocument Build(SlaCompliance sla) => new(sla.Achieved, sla.Breached, sla.Active);
}

/// <summary>A figure against its target: met is null when nothing was measured.</summary>
internal sealed record TargetDocument(string Metric, double? Actual, double Target, bool? Met, double? Margin);

/// <summary>An incident that hit a client (metrics by client).</summary>
internal sealed record IncidentHitDocument(
    string IncidentId, int Severity, string Title, string? Component, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, bool AffectsAll)
{
    internal static IncidentHitDocument Build(ClientIncident i) =>
        new(i.IncidentId, i.Severity, i.Title, i.Component, i.StartedAt.ToDateTimeOffset(), i.ResolvedAt?.ToDateTimeOffset(), i.AffectsAll);
}
