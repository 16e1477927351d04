using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Metrics;
using SupportLens.Storage;
using SupportLens.Web.Composition;
using SupportLens.Web.Jobs.Reports;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>
/// Real PDFs for the archive tests: the jobs' scorecard renderer writes each under DATA/reports/&lt;month&gt;/, and each
/// is recorded in report_runs as the report verb records its PDFs (started, then succeeded with path, pages and size).
/// </summary>
internal static class TestReports
{
    internal static void Write(string dataDirectory, string? configPath, string month, params (ReportKind Kind, string? ClientId)[] reports)
    {
        using var services = new ServiceCollection().AddSupportLens(new SupportLensOptions(dataDirectory, configPath), TimeProvider.System).BuildServiceProvider();
        var metrics = services.GetRequiredService<MetricsService>();
        var renderer = new ScorecardRenderer(metrics, services.GetRequiredService<DataHorizons>(), Path.Combine(dataDirectory, "reports"));
        var archive = new ReportArchive(services.GetRequiredService<Warehouse>(), TimeProvider.System);
        var period = metrics.Month(month);
        foreach (var (kind, client) in reports)
        {
            var run = archive.Started(kind.Name(), month, client);
            var path = renderer.Render(new ReportRequest(kind, month, period, client));
            archive.Succeeded(run, path, 1, new FileInfo(path).Length);
        }
    }
}
