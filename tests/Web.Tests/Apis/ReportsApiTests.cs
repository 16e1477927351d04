using System.Net;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Apis;

/// <summary>
/// The reports archive: every report recorded in report_runs and on disk, downloadable as the PDF itself; a success
/// manager sees the client-health reports of their own clients and is refused the rest.
/// </summary>
public sealed class ReportsApiTests(PlanningFactory factory) : IClassFixture<PlanningFactory>
{
    [Fact]
    public async Task The_archive_lists_every_recorded_pdf_with_its_run()
    {
        var reports = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/reports"))!["reports"]!.AsArray();
        Assert.Equal(["client-health-C1.pdf", "client-health-C3.pdf", "executive.pdf"], reports.Select(r => r!["file"]!.GetValue<string>()).Order());
        var executive = reports.Single(r => r!["report"]!.GetValue<string>() == "executive")!;
        Assert.Equal("2026-10", executive["period"]!.GetValue<string>());
        Assert.Equal("succeeded", executive["status"]!.GetValue<string>());
        Assert.True(executive["on_disk"]!.GetValue<bool>());
        Assert.Equal("/api/reports/2026-10/executive.pdf", executive["download"]!.GetValue<string>());
        // The pages and size the renderer recorded: the executive pack is several pages.
        var written = factory.Reports.Single(r => r.Kind == SupportLens.Reports.ReportKind.Executive);
        Assert.Equal(written.Pages, executive["pages"]!.GetValue<int>());
        Assert.True(written.Pages > 1);
        Assert.Equal(written.Bytes, executive["bytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_report_downloads_as_the_pdf_written()
    {
        using var response = await factory.WithToken("exec").GetAsync("/api/reports/2026-10/executive.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "reports", "2026-10", "executive.pdf")), bytes);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public async Task A_success_manager_sees_their_clients_reports_only()
    {
        var sam = factory.WithToken("sam");
        var reports = JsonNode.Parse(await sam.GetStringAsync("/api/reports"))!["reports"]!.AsArray();
        Assert.Equal(["client-health-C1.pdf"], reports.Select(r => r!["file"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/api/reports/2026-10/client-health-C1.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/reports/2026-10/client-health-C3.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/reports/2026-10/executive.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/reports?client=C3")).StatusCode);
    }

    [Theory]
    [InlineData("/api/reports/2026-10/nothing.pdf")]
    [InlineData("/api/reports/2026-10/..%2F..%2Fsupportlens.duckdb")]
    [InlineData("/api/reports/..%2F2026-10/executive.pdf")]
    public async Task Only_files_of_the_archive_are_served(string path)
    {
        using var response = await factory.WithToken("admin").GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
