using System.CommandLine;
using System.Globalization;
using NodaTime;
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
    ];

    internal static Command Create(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = SettingsLoader.Option();
        // Part of the CLI contract (DESIGN.md §7). This build has no dashboard server yet, so the demo never serves.
        var noServe = new Option<bool>("--no-serve") { Description = "Do not start the dashboards afterwards (this build has none yet)." };
        var command = new Command("demo", "Load the embedded sample history and print its latest monthly scorecard.");
        command.Options.Add(data);
        command.Options.Add(config);
        command.Options.Add(noServe);
        command.SetAction(parse =>
        {
            var settings = SettingsLoader.Load(parse.GetValue(config));
            var samples = Path.Combine(AppContext.BaseDirectory, "sample-data");
            if (!File.Exists(Path.Combine(samples, "tickets.csv.gz")))
            {
                throw new CliFailure($"The embedded sample data is missing from {samples}; rebuild SupportLens.");
            }
            using var warehouse = DbCommand.OpenWarehouse(parse.GetValue(data), time);
            output.WriteLine($"Loading the sample history into {warehouse.DatabasePath}");
            var ingestor = new Ingestor(warehouse, time);
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

            var service = new MetricsService(warehouse, settings, time);
            var month = LatestMonth(warehouse, settings.ReportingTimeZone);
            output.WriteLine();
            var period = service.Month(month);
            var incidents = new IncidentMetricsService(warehouse, settings, time).Compute(period);
            output.Write(MetricsCommand.Text(service.Compute(period, MetricsGrouping.Tier), incidents));
            output.WriteLine();
            output.WriteLine($"Next: ./supportlens metrics --month {month} --by client   (or --by channel|month|success-manager, --json)");
            return SupportLensCli.Done;
        });
        return command;
    }

    /// <summary>The reporting month of the newest ticket, so the scorecard shows the history's last month.</summary>
    private static string LatestMonth(Warehouse warehouse, DateTimeZone zone)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(created_at) FROM tickets";
        var latest = command.ExecuteScalar() is DateTimeOffset at ? Instant.FromDateTimeOffset(at) : Instant.FromDateTimeOffset(DateTimeOffset.UnixEpoch);
        var local = latest.InZone(zone).Date;
        return local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
