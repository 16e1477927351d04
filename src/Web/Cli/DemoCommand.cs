using System.CommandLine;
using System.Globalization;
using NodaTime;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens demo`: the main job on the embedded default. Loads the sample history shipped with the executable
/// (sample-data/, DESIGN.md §3 generic files) into the data directory, brings the SLA ledger up to date, and prints
/// the scorecard of the history's last month by tier, with the targets it missed. Loading is idempotent: running the
/// demo again changes nothing.
/// </summary>
internal static class DemoCommand
{
    private static readonly (IngestKind Kind, string File)[] Files =
    [
        (IngestKind.Clients, "clients.csv"), (IngestKind.Tickets, "tickets.csv.gz"), (IngestKind.TicketEvents, "ticket-events.csv.gz"),
        (IngestKind.Csat, "csat.csv"), (IngestKind.Nps, "nps.csv"), (IngestKind.Incidents, "incidents.csv"), (IngestKind.Checks, "checks.csv.gz"),
        (IngestKind.Volume, "volume.csv.gz"),
    ];

    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        // Part of the CLI contract (DESIGN.md §7).
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after loading and reporting; do not start the dashboards." };
        var command = new Command("demo", "Load the embedded sample history, refresh, and print its latest monthly scorecard.");
        command.Options.Add(data);
        command.Options.Add(config);
        command.Options.Add(noServe);
        command.SetAction(parse =>
        {
            var samples = Path.Combine(AppContext.BaseDirectory, "sample-data");
            if (!File.Exists(Path.Combine(samples, "tickets.csv.gz")))
            {
                throw new CliFailure($"The embedded sample data is missing from {samples}; rebuild SupportLens.");
            }
            using var services = CliServices.Build(parse, data, config, time);
            var warehouse = services.GetRequiredService<Warehouse>();
            output.WriteLine($"Loading the sample history into {warehouse.DatabasePath}");
            var ingestor = services.GetRequiredService<Ingestor>();
            foreach (var (kind, file) in Files)
            {
                var report = ingestor.Ingest(Path.Combine(samples, file), new IngestRequest(kind));
                if (report.Status != "loaded")
                {
                    throw new CliFailure($"{file}: {report.Message}");
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kind.Name(),-14} {report.RowsRead,8:N0} rows read, {report.RowsInserted,8:N0} new, {report.RowsUpdated,6:N0} updated, {report.RowsRejected,4:N0} rejected"));
            }
            output.WriteLine();
            RefreshCommand.Run(services, output);

            var settings = services.GetRequiredService<SupportLensSettings>();
            var horizon = services.GetRequiredService<DataHorizons>().Read();
            var month = (horizon.Tickets ?? Instant.FromDateTimeOffset(time.GetUtcNow())).InZone(settings.ReportingTimeZone).Date
                .ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var service = services.GetRequiredService<MetricsService>();
            var period = service.Month(month);
            var incidents = services.GetRequiredService<IncidentMetricsService>().Compute(period);
            output.WriteLine();
            output.Write(MetricsCommand.Text(service.Compute(period, MetricsGrouping.Tier), incidents));
            output.WriteLine();
            output.WriteLine($"Next: ./supportlens metrics --month {month} --by client   (or --by channel|month|success-manager, --json)");
            output.WriteLine("      ./supportlens health   (client health and churn risk, most at risk first; --client ID for one client)");
            return SupportLensCli.Done;
        });
        return command;
    }
}
