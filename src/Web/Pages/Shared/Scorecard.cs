using System.Globalization;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Shared;

/// <summary>One figure on a scorecard: value, what it is measured on, its target and whether it is met.</summary>
/// <param name="Verdict">"met", "missed" or "" (no target, or not measured).</param>
internal sealed record KpiTile(string Label, string Value, string? Unit, string? Detail, string? Target, string Verdict);

/// <summary>The scorecard tiles of a group's metrics, written with the same rules as the CLI (<see cref="Figures"/>).</summary>
internal static class Scorecard
{
    internal static IReadOnlyList<KpiTile> Quality(QualityMetrics g) =>
    [
        new("Tickets", Figures.Count(g.TicketsCreated), null, $"{Figures.Count(g.TicketsSolved)} solved", null, ""),
        Tile("CSAT", g, "csat_pct", g.Csat.Percent, "%",
            g.Csat.Total == 0 ? "no responses" : $"n = {Figures.Count(g.Csat.Total)} · 95 % CI {Figures.Number(g.Csat.Lower95)}–{Figures.Number(g.Csat.Upper95)}"),
        Tile("NPS", g, "nps", g.Nps.Score, null,
            g.Nps.Responses == 0 ? "no responses" : $"n = {Figures.Count(g.Nps.Responses)} · ± {Figures.Number(g.Nps.MarginOfError)}"),
        Tile("FCR", g, "fcr_pct", g.FirstContactResolution.Percent, "%",
            g.FirstContactResolution.Total == 0 ? "no solved tickets with replies and reopens" : $"of {Figures.Count(g.FirstContactResolution.Total)} solved"),
        Tile("SLA first response", g, "sla_first_response_pct", g.SlaFirstResponse.Percent, "%", Sla(g.SlaFirstResponse)),
        Tile("SLA resolution", g, "sla_resolution_pct", g.SlaResolution.Percent, "%", Sla(g.SlaResolution)),
        Tile("Escalations", g, "escalation_pct", g.Escalations.Percent, "%",
            g.Escalations.Total == 0 ? "not in the export" : $"of {Figures.Count(g.Escalations.Total)} tickets"),
        new("Reopens", Figures.Pct(g.Reopens.Percent), g.Reopens.Percent is null ? null : "%",
            g.Reopens.Total == 0 ? "not in the export" : $"of {Figures.Count(g.Reopens.Total)} solved", null, ""),
        new("Backlog", Figures.Count(g.Backlog.Open), null,
            g.Backlog.MedianAgeHours is { } age ? $"median age {Figures.Number(age)} h" : "open at the period's end", null, ""),
    ];

    /// <summary>The weakest component's availability, and the incidents of the period.</summary>
    internal static IReadOnlyList<KpiTile> Operations(IncidentReport report)
    {
        var tiles = new List<KpiTile>();
        var measured = report.Components.Where(c => c.AvailabilityPct is not null).OrderBy(c => c.AvailabilityPct).ToList();
        if (measured.Count > 0)
        {
            var worst = measured[0];
            tiles.Add(new KpiTile("Availability (lowest)", worst.Availability.Shown(3), "%",
                $"{worst.Component} · {measured.Count(c => c.Availability.Met == true)} of {measured.Count} components met",
                string.Create(CultureInfo.InvariantCulture, $"≥ {worst.Availability.Target:0.###} %"), Figures.Verdict(worst.Availability.Met)));
        }
        else
        {
            tiles.Add(new KpiTile("Availability", TargetCheck.NotMeasured, null, "no checks in the period", null, ""));
        }
        var missed = report.Overall.InitialResponse.Missed + report.Overall.ClientCommunication.Missed + report.Overall.Resolution.Missed;
        var sev1 = report.BySeverity.FirstOrDefault(s => s.Severity == 1)?.Incidents ?? 0;
        tiles.Add(new KpiTile("Incidents", Figures.Count(report.Overall.Incidents), null,
            $"{sev1} severity 1 · {missed} target(s) missed", null, report.Overall.Incidents == 0 ? "" : missed > 0 ? "missed" : "met"));
        return tiles;
    }

    private static KpiTile Tile(string label, QualityMetrics g, string metric, double? value, string? unit, string detail)
    {
        var check = Figures.Check(g, metric);
        var shown = Figures.Cell(g, metric, value);
        var target = check is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"{(check.Direction == TargetDirection.AtLeast ? "≥" : "<")} {check.Target:0.##}{(unit is null ? "" : " " + unit)}");
        return new KpiTile(label, shown, value is null ? null : unit, detail, target, Figures.Verdict(check?.Met));
    }

    private static string Sla(SlaCompliance sla) => sla.Achieved + sla.Breached + sla.Active == 0
        ? "no tickets under an SLA"
        : $"{Figures.Count(sla.Achieved)} achieved · {Figures.Count(sla.Breached)} breached · {Figures.Count(sla.Active)} active";
}
