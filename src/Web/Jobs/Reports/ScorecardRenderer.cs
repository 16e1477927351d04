using System.Globalization;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Web.Jobs.Reports;

/// <summary>
/// The renderer the jobs use until the reports layer (issue 12) is plugged in: a one-page scorecard per report from the
/// same <see cref="MetricsService"/> figures the CLI prints, against the same targets, "–" where nothing was measured.
/// </summary>
internal sealed class ScorecardRenderer(MetricsService metrics, DataHorizons horizons, string reportsDirectory) : IReportRenderer
{
    private readonly Dictionary<(string Period, MetricsGrouping Grouping), (NodaTime.Instant? Horizon, MetricsReport Report)> _cache = [];
    private readonly Lock _gate = new();

    public string Render(ReportRequest request)
    {
        var lines = new List<(string, bool)>
        {
            (Title(request), true),
            (string.Create(CultureInfo.InvariantCulture,
                $"Period {request.Period.FromText} to {request.Period.ToText}, days cut in {request.Period.Zone.Id}"), false),
            (string.Empty, false),
        };
        switch (request.Kind)
        {
            case ReportKind.ClientHealth:
                var client = Report(request, MetricsGrouping.Client).Groups.FirstOrDefault(g => g.Key == request.ClientId);
                lines.AddRange(client is null ? [("No tickets or surveys for this client in the period.", false)] : Scorecard(client));
                break;
            case ReportKind.Executive:
                lines.AddRange(Scorecard(Report(request, MetricsGrouping.All).Groups.Single()));
                lines.Add((string.Empty, false));
                lines.Add(("By tier", true));
                foreach (var tier in Report(request, MetricsGrouping.Tier).Groups)
                {
                    lines.Add((tier.Key, true));
                    lines.AddRange(Scorecard(tier));
                }

                break;
            default:
                var metric = Metric(request.Kind);
                foreach (var group in Report(request, MetricsGrouping.All).Groups.Concat(Report(request, MetricsGrouping.Tier).Groups))
                {
                    lines.Add((group.Key == "all" ? "All tiers" : group.Key, true));
                    lines.AddRange(Scorecard(group).Where(l => l.Text.StartsWith(metric, StringComparison.Ordinal)));
                }

                break;
        }

        var directory = Path.Combine(reportsDirectory, request.PeriodKey);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, request.FileName);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, TextPdf.Write(Title(request), lines));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string Title(ReportRequest request) => request.ClientId is null
        ? $"{request.Kind.Title()}, {request.PeriodKey}"
        : $"{request.Kind.Title()}, client {request.ClientId}, {request.PeriodKey}";

    private static string Metric(ReportKind kind) => kind switch
    {
        ReportKind.Csat => "CSAT",
        ReportKind.Nps => "NPS",
        ReportKind.Fcr => "FCR",
        _ => "SLA",
    };

    private static IEnumerable<(string Text, bool Heading)> Scorecard(QualityMetrics m)
    {
        string Check(string name) => m.Targets.FirstOrDefault(t => t.Metric == name) is { } check
            ? string.Create(CultureInfo.InvariantCulture, $" (target {(check.Direction == TargetDirection.AtLeast ? ">=" : "<")} {check.Target:0.#}: {check.Met switch { true => "met", false => "missed", null => "not measured" }})")
            : string.Empty;
        string Pct(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : TargetCheck.NotMeasured;

        yield return (string.Create(CultureInfo.InvariantCulture, $"Tickets created {m.TicketsCreated:N0}, solved {m.TicketsSolved:N0}, open at the end {m.Backlog.Open:N0}"), false);
        yield return ($"CSAT {Pct(m.Csat.Percent)} of {m.Csat.Total} responses{Check("csat_pct")}", false);
        yield return ($"NPS {(m.Nps.Score is { } nps ? nps.ToString("0.0", CultureInfo.InvariantCulture) : TargetCheck.NotMeasured)} of {m.Nps.Responses} responses{Check("nps")}", false);
        yield return ($"FCR {Pct(m.FirstContactResolution.Percent)} of {m.FirstContactResolution.Total} solved tickets{Check("fcr_pct")}", false);
        yield return ($"SLA first response {Pct(m.SlaFirstResponse.Percent)}{Check("sla_first_response_pct")}", false);
        yield return ($"SLA resolution {Pct(m.SlaResolution.Percent)}{Check("sla_resolution_pct")}", false);
        yield return ($"Escalations {Pct(m.Escalations.Percent)}{Check("escalation_pct")}", false);
    }

    private MetricsReport Report(ReportRequest request, MetricsGrouping grouping)
    {
        // The monthly pack asks for the same period's figures once per client: compute them once while the data stands still.
        var horizon = horizons.Read().Latest;
        lock (_gate)
        {
            if (_cache.TryGetValue((request.PeriodKey, grouping), out var cached) && cached.Horizon == horizon)
            {
                return cached.Report;
            }
        }

        var report = metrics.Compute(request.Period, grouping);
        lock (_gate)
        {
            _cache[(request.PeriodKey, grouping)] = (horizon, report);
        }

        return report;
    }
}
