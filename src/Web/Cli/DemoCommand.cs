using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Ingest;
using SupportLens.Storage;
using SupportLens.Web.Auth;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens demo`: the whole product on the embedded default, in four steps with progress: the sample history shipped
/// with the executable (sample-data/, DESIGN.md §3 generic files) loaded into DATA; the derived tables refreshed; the
/// history's last month of reports rendered into DATA/reports and mailed (to DATA/outbox without SMTP) as the scheduled
/// jobs do; then the dashboards on 127.0.0.1 until Ctrl+C (`--no-serve` stops after the reports). Every step is
/// idempotent: a second run loads nothing new, renders nothing and sends nothing.
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
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where the dashboards listen (default {Hosting.WebSettings.DefaultUrls}: this machine only).",
            HelpName = "URL",
        };
        var command = new Command("demo", "Load the embedded sample history, refresh, render and mail its last month's reports, and serve the dashboards.");
        command.Options.Add(data);
        command.Options.Add(config);
        command.Options.Add(noServe);
        command.Options.Add(urls);
        command.SetAction(parse =>
        {
            var samples = Path.Combine(AppContext.BaseDirectory, "sample-data");
            if (!File.Exists(Path.Combine(samples, "tickets.csv.gz")))
            {
                throw new CliFailure($"The embedded sample data is missing from {samples}; rebuild SupportLens.");
            }

            var started = time.GetTimestamp();
            var options = CliServices.Options(parse, data, config);
            DemoSummary summary;
            // The warehouse is closed again before the dashboards open it.
            using (var services = CliServices.Build(parse, data, config, time, s => s.AddSupportLensJobRunner()))
            {
                summary = Prepare(services, options.DataDirectory, time, output);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ready in {time.GetElapsedTime(started).TotalSeconds:0} s."));
            output.WriteLine();
            if (parse.GetValue(noServe))
            {
                summary.Print(output, url: null);
                output.WriteLine("Dashboards: ./supportlens serve" + (parse.GetValue(data) is { } dir ? $" --data {dir}" : ""));
                return SupportLensCli.Done;
            }

            DemoServer.Run(new Hosting.WebSettings(options, time) { Urls = parse.GetValue(urls) ?? Hosting.WebSettings.DefaultUrls, Output = output },
                url => summary.Print(output, url));
            return SupportLensCli.Done;
        });
        return command;
    }

    private static DemoSummary Prepare(IServiceProvider services, string dataDirectory, TimeProvider time, TextWriter output)
    {
        var warehouse = services.GetRequiredService<Warehouse>();
        output.WriteLine($"[1/4] Loading the sample history into {warehouse.DatabasePath}");
        var ingestor = services.GetRequiredService<Ingestor>();
        var changed = 0L;
        foreach (var (kind, file) in Files)
        {
            var report = ingestor.Ingest(Path.Combine(AppContext.BaseDirectory, "sample-data", file), new IngestRequest(kind));
            if (report.Status != "loaded")
            {
                throw new CliFailure($"{file}: {report.Message}");
            }

            changed += report.RowsInserted + report.RowsUpdated;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind.Name(),-14} {report.RowsRead,8:N0} rows read, {report.RowsInserted,8:N0} new, {report.RowsUpdated,6:N0} updated, {report.RowsRejected,4:N0} rejected"));
        }

        output.Write("[2/4] ");
        RefreshCommand.Run(services, output);

        var settings = services.GetRequiredService<SupportLensSettings>();
        var horizon = services.GetRequiredService<DataHorizons>().Read();
        var month = (horizon.Tickets ?? Instant.FromDateTimeOffset(time.GetUtcNow())).InZone(settings.ReportingTimeZone).Date
            .ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var metrics = services.GetRequiredService<MetricsService>();
        var period = metrics.Month(month);
        output.WriteLine();
        output.Write(MetricsCommand.Text(metrics.Compute(period, MetricsGrouping.Tier), services.GetRequiredService<IncidentMetricsService>().Compute(period)));
        output.WriteLine();

        // The recipients must exist before the monthly job plans its deliveries.
        var signIn = DemoUsers.Ensure(services.GetRequiredService<UserDirectory>(), services.GetRequiredService<ClientDirectory>(), dataDirectory,
            Environment.GetEnvironmentVariable("SUPPORTLENS_ADMIN_PASSWORD"));
        output.WriteLine($"[3/4] Reports of {month}, as the monthly-reports and weekly-quality jobs make them");
        // Derived tables follow the loaded rows: when no row changed, neither did any figure in the reports.
        var reports = DemoReports.Make(services, month, dataChanged: changed > 0, output);
        var outbox = services.GetRequiredService<MailTransports>();
        return new DemoSummary(month, reports, outbox.Description, signIn);
    }
}
