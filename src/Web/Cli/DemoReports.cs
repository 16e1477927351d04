using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Reports;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Cli;

/// <summary>What the demo's report step left: the PDFs of the month and how many messages went out.</summary>
internal sealed record DemoReportsDone(string Directory, int Pdfs, int Delivered, bool Rendered);

/// <summary>
/// The demo's month of reports, made the way the schedule makes them: the <c>monthly-reports</c> job (the executive pack
/// and one client-health PDF per client, mailed to the executives and each client's success manager) and the
/// <c>weekly-quality</c> job over the whole month (CSAT, NPS, FCR and SLA), through the same locks, run ledger and
/// delivery ledger, so nothing is ever sent twice; then the month's capacity plan. When the data did not change and both
/// runs already succeeded with their PDFs on disk, nothing is rendered or sent again.
/// </summary>
internal static class DemoReports
{
    private static readonly JobKind[] Jobs = [JobKind.MonthlyReports, JobKind.WeeklyQuality];

    internal static DemoReportsDone Make(IServiceProvider services, string month, bool dataChanged, TextWriter output)
    {
        var catalog = services.GetRequiredService<JobCatalog>();
        var runs = services.GetRequiredService<RunLedger>();
        var renderer = services.GetRequiredService<ReportRenderer>();
        var directory = renderer.DirectoryOf(month);
        var period = JobPeriod.Parse(month, catalog.Settings.ReportingTimeZone);
        var done = Jobs.Select(j => runs.Latest(catalog[j].Name, period.Key)).ToList();
        if (!dataChanged && done.All(Complete))
        {
            var at = done.Max(r => r!.FinishedAt!.Value);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  already made on {at:yyyy-MM-dd HH:mm} UTC and the data has not changed since: nothing rendered, nothing sent"));
            return new DemoReportsDone(directory, Pdfs(directory), 0, Rendered: false);
        }

        output.WriteLine($"  mail goes to {services.GetRequiredService<MailTransports>().Description}");
        var runner = services.GetRequiredService<JobRunner>();
        var delivered = 0;
        foreach (var kind in Jobs)
        {
            var run = runner.RunNow(kind, period, JobsCommand.LockWait, line => output.WriteLine("  " + line.TrimStart()));
            if (run.Status != RunStatus.Succeeded)
            {
                throw new CliFailure($"{kind.Name()} {period.Key} failed: {run.Error}");
            }

            delivered += run.Sent;
        }

        foreach (var report in renderer.Render(ReportKind.Capacity, month))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rendered capacity -> {report.Path} ({report.Pages} pages)"));
        }

        return new DemoReportsDone(directory, Pdfs(directory), delivered, Rendered: true);
    }

    private static bool Complete(JobRun? run) =>
        run is { Status: RunStatus.Succeeded, FinishedAt: not null }
        && run.Outputs.Where(o => !o.StartsWith(JobRunner.NotePrefix, StringComparison.Ordinal)).All(File.Exists);

    private static int Pdfs(string directory) => Directory.Exists(directory) ? Directory.GetFiles(directory, "*.pdf").Length : 0;
}
