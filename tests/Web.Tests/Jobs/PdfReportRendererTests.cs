using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Web.Composition;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Reports;

namespace SupportLens.Web.Tests.Jobs;

/// <summary>The jobs' default renderer is the reports layer: real report PDFs in DATA/reports, recorded in report_runs.</summary>
public sealed class PdfReportRendererTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Services()
    {
        using (var warehouse = Warehouse.Open(_dir.Path, TimeProvider.System))
        using (var connection = warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'generic', 'Acme Homes', 'starter');
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, first_response_at, solved_at, agent_replies, reopens, escalated) VALUES
                    ('g', '1', 'A', '2026-10-05T14:00:00Z', 'email', 'solved', '2026-10-05T15:00:00Z', '2026-10-05T16:00:00Z', 1, 0, false);
                INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                    ('g', 'r1', '1', 'A', '2026-10-06T10:00:00Z', 5, true);
                """);
        }

        return new ServiceCollection()
            .AddSupportLens(new SupportLensOptions(_dir.Path, null), TimeProvider.System)
            .AddSupportLensJobRunner()
            .BuildServiceProvider();
    }

    [Fact]
    public void A_request_becomes_the_reports_pdf_in_the_periods_folder_and_the_archive()
    {
        using var services = Services();
        var renderer = services.GetRequiredService<IReportRenderer>();
        Assert.IsType<PdfReportRenderer>(renderer);

        var settings = services.GetRequiredService<SupportLensSettings>();
        var october = ReportingPeriod.Month("2026-10", settings.ReportingTimeZone);
        var path = renderer.Render(new ReportRequest(ReportKind.ClientHealth, "2026-10", october, "A"));
        var weekly = renderer.Render(new ReportRequest(ReportKind.Csat, "2026-W41",
            new ReportingPeriod(new NodaTime.LocalDate(2026, 10, 5), new NodaTime.LocalDate(2026, 10, 11), settings.ReportingTimeZone), null));

        Assert.Equal(Path.Combine(_dir.Path, "reports", "2026-10", "client-health-A.pdf"), path);
        Assert.Equal(Path.Combine(_dir.Path, "reports", "2026-W41", "csat.pdf"), weekly);
        Assert.All(new[] { path, weekly }, p => Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(p), 0, 4)));
        var runs = services.GetRequiredService<ReportArchive>().List();
        Assert.Equal([("csat", "2026-W41", null), ("client-health", "2026-10", "A")], runs.Select(r => (r.Report, r.Period, r.ClientId)));
        Assert.All(runs, r => Assert.Equal("succeeded", r.Status));
    }

    [Fact]
    public void A_kept_period_is_read_again_once_the_data_moves()
    {
        using var services = Services();
        var renderer = services.GetRequiredService<SupportLens.Reports.ReportRenderer>();
        var first = Text(Assert.Single(renderer.Render(SupportLens.Reports.ReportKind.Csat, "2026-10")).Path);
        Assert.Contains("from 1 answers", first);

        // A second answer and a refresh move the data version: the kept figures of October are not used again.
        var warehouse = services.GetRequiredService<Warehouse>();
        using (var connection = warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                    ('g', 'r2', '1', 'A', '2026-10-07T10:00:00Z', 2, false);
                """);
        }

        services.GetRequiredService<RefreshService>().Run(force: true);
        var second = Text(Assert.Single(renderer.Render(SupportLens.Reports.ReportKind.Csat, "2026-10")).Path);
        Assert.Contains("from 2 answers", second);
    }

    private static string Text(string pdf)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-enc", "UTF-8", pdf, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }
}
