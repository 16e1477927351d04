using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens metrics`: the quality scorecard of a month or date range, optionally split by a dimension, followed by the
/// period's incidents per severity and availability per component (never split: incidents are not per tier or channel).
/// </summary>
internal static class MetricsCommand
{
    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var month = new Option<string?>("--month") { Description = "The month to report, in the reporting time zone.", HelpName = "YYYY-MM" };
        var from = new Option<string?>("--from") { Description = "First day of a date range (with --to).", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Last day of a date range, inclusive.", HelpName = "DATE" };
        var config = CommonOptions.Config();
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Judge open tickets and incidents as of this instant (ISO-8601) instead of the data's horizon.",
            HelpName = "INSTANT",
        };
        var by = new Option<string?>("--by") { Description = "Split by tier, client, channel, month or success-manager.", HelpName = "DIMENSION" };
        by.AcceptOnlyFromAmong("tier", "client", "channel", "month", "success-manager");
        var tier = new Option<string?>("--tier") { Description = "Only clients of this tier.", HelpName = "TIER" };
        tier.AcceptOnlyFromAmong([.. Dashboard.DashboardQuery.Tiers]);
        var client = new Option<string?>("--client") { Description = "Only this client.", HelpName = "ID" };
        var channel = new Option<string?>("--channel") { Description = "Only tickets of this channel (NPS is not measured per channel).", HelpName = "CHANNEL" };
        channel.AcceptOnlyFromAmong([.. Dashboard.DashboardQuery.Channels]);
        var successManager = new Option<string?>("--success-manager") { Description = "Only clients of this success manager.", HelpName = "NAME" };

        var command = new Command("metrics", "CSAT, NPS, FCR, SLA compliance, escalations, reopens, backlog, incidents and availability of a period.");
        foreach (var option in new Option[] { month, from, to, by, tier, client, channel, successManager, asOf, json, data, config })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            var hasMonth = result.GetValue(month) is not null;
            var hasRange = result.GetValue(from) is not null || result.GetValue(to) is not null;
            if (hasMonth == hasRange)
            {
                result.AddError("Give either --month YYYY-MM or --from DATE --to DATE.");
            }
            else if (hasRange && (result.GetValue(from) is null || result.GetValue(to) is null))
            {
                result.AddError("--from and --to go together.");
            }
        });
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, config, time);
            var service = services.GetRequiredService<MetricsService>();
            ReportingPeriod period;
            Instant? at;
            try
            {
                period = parse.GetValue(month) is { } m ? service.Month(m) : service.Between(parse.GetValue(from)!, parse.GetValue(to)!);
                at = parse.GetValue(asOf) is { } text ? AsOf.Parse(text) : null;
            }
            catch (FormatException e)
            {
                throw new CliUsageException(e.Message);
            }
            StaleNote.Warn(services, error);
            var grouping = Grouping(parse.GetValue(by));
            var filter = new MetricsFilter(
                parse.GetValue(tier),
                parse.GetValue(client) is { } id ? new HashSet<string>([id], StringComparer.Ordinal) : null,
                parse.GetValue(channel),
                parse.GetValue(successManager));
            var report = service.Compute(period, grouping, at, filter);
            var incidentService = services.GetRequiredService<IncidentMetricsService>();
            var incidents = incidentService.Compute(period, at);
            // Per client, the incidents that hit it (DESIGN.md §5 health and the QBR conversation start here).
            var hits = grouping == MetricsGrouping.Client
                ? report.Groups.ToDictionary(g => g.Key, g => incidentService.IncidentsForClient(g.Key, period, at))
                : null;
            output.Write(parse.GetValue(json) ? Json(report, incidents, hits) : Text(report, incidents, hits));
            return SupportLensCli.Done;
        });
        return command;
    }

    private static MetricsGrouping Grouping(string? by) => by switch
    {
        null => MetricsGrouping.All,
        "tier" => MetricsGrouping.Tier,
        "client" => MetricsGrouping.Client,
        "channel" => MetricsGrouping.Channel,
        "month" => MetricsGrouping.Month,
        _ => MetricsGrouping.SuccessManager,
    };

    private static string Json(
        MetricsReport report, IncidentReport incidents, IReadOnlyDictionary<string, IReadOnlyList<ClientIncident>>? hits) =>
        JsonSerializer.Serialize(MetricsDocument.Build(report, incidents, hits), JsonOutput.Options) + Environment.NewLine;

    internal static string Text(
        MetricsReport report, IncidentReport incidents, IReadOnlyDictionary<string, IReadOnlyList<ClientIncident>>? hits = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Metrics {report.Period.FromText} to {report.Period.ToText} ({report.Period.Zone.Id})");
        text.AppendLine(AsOf.Describe(report.AsOf, report.Period.Zone));
        text.AppendLine();
        text.AppendLine("group                 tickets  solved   CSAT % (n)        NPS (n)        FCR %  SLA 1st %  SLA res %   esc %  reopen %  backlog");
        foreach (var g in report.Groups)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{Figures.Clip(g.Key, 20),-20} {g.TicketsCreated,8:N0} {g.TicketsSolved,7:N0}   {Figures.Cell(g, "csat_pct", g.Csat.Percent),6} ({g.Csat.Total,5:N0})  {Figures.Cell(g, "nps", g.Nps.Score),6} ({g.Nps.Responses,4:N0})  {Figures.Cell(g, "fcr_pct", g.FirstContactResolution.Percent),6}  {Figures.Cell(g, "sla_first_response_pct", g.SlaFirstResponse.Percent),9}  {Figures.Cell(g, "sla_resolution_pct", g.SlaResolution.Percent),9}  {Figures.Cell(g, "escalation_pct", g.Escalations.Percent),6}  {Figures.Pct(g.Reopens.Percent),8}  {g.Backlog.Open,7:N0}");
        }
        var missed = report.Groups.SelectMany(g => g.Targets.Where(t => t.Met == false).Select(t => (g.Key, t))).ToList();
        if (missed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Missed targets:");
            foreach (var (key, t) in missed)
            {
                var comparison = t.Direction switch { TargetDirection.AtLeast => ">=", TargetDirection.Above => ">", _ => "<" };
                text.AppendLine(CultureInfo.InvariantCulture, $"  {key}: {t.Metric} {t.Shown()} (target {comparison} {t.Target:0.##}, off by {Figures.MarginText(t.Margin!.Value)})");
            }
        }
        if (hits is not null && hits.Values.Any(h => h.Count > 0))
        {
            text.AppendLine();
            text.AppendLine("Incidents that hit each client:");
            foreach (var (client, list) in hits.Where(h => h.Value.Count > 0))
            {
                var items = list.Select(i => string.Create(CultureInfo.InvariantCulture,
                    $"{i.IncidentId} (sev {i.Severity}, {i.StartedAt.ToDateTimeOffset():yyyy-MM-dd}{(i.AffectsAll ? ", all clients" : "")})"));
                text.AppendLine(CultureInfo.InvariantCulture, $"  {client}: {string.Join(", ", items)}");
            }
        }
        IncidentsOutput.AppendText(text, incidents);
        return text.ToString();
    }
}
