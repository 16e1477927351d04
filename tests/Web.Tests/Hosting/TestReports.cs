using Microsoft.Extensions.DependencyInjection;
using SupportLens.Reports;
using SupportLens.Web.Composition;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>
/// Real PDFs for the archive tests, written the way `supportlens report` writes them: the report renderer of src/Reports
/// puts each under DATA/reports/&lt;month&gt;/ and records it in report_runs (running, then succeeded with its path, pages
/// and size).
/// </summary>
internal static class TestReports
{
    internal static IReadOnlyList<RenderedReport> Write(string dataDirectory, string? configPath, string month, params (ReportKind Kind, string? ClientId)[] reports)
    {
        using var services = new ServiceCollection().AddSupportLens(new SupportLensOptions(dataDirectory, configPath), TimeProvider.System).BuildServiceProvider();
        var renderer = services.GetRequiredService<ReportRenderer>();
        return [.. reports.SelectMany(r => renderer.Render(r.Kind, month, r.ClientId))];
    }
}
