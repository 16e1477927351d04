using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SupportLens.Web.Tests.Browser;

/// <summary>
/// The dashboards in a real browser: every page opens (screenshots at laptop and phone widths, no page wider than the
/// phone), a filter changed in the form is a URL that reopens the same view, a bad upload shows its quarantined rows, and
/// a success manager is refused another manager's client.
/// </summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "overview", "/" },
        { "quality", "/quality" },
        { "sla", "/sla" },
        { "incidents", "/incidents" },
        { "ingest", "/ingest" },
        { "users", "/users" },
        { "overview-by-client", "/?by=client" },
        { "clients", "/clients" },
        { "client-detail", "/clients/C-001" },
        { "forecast", "/forecast" },
        { "forecast-channel", "/forecast?series=channel&key=channel:chat" },
        { "capacity", "/capacity" },
        { "reports", "/reports" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_opens_and_fits_a_laptop_and_a_phone(string name, string path)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        foreach (var (device, width, height) in new[] { ("laptop", 1366, 768), ("phone", 390, 844) })
        {
            var page = await fixture.SignedIn("admin", width, height);
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("text=Something went wrong").CountAsync());
            // Nothing wider than the screen: wide tables scroll inside their own box.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} at {width}px is {overflow}px wider than the screen");
            // Every page's link is on the screen, none past its edge.
            foreach (var link in await page.Locator(".topbar .nav-links a").AllAsync())
            {
                var box = (await link.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{await link.InnerTextAsync()} at {box.X}px of {width}px");
            }
            // Each chart shows one drawing: the phone's, drawn near its width so the text keeps its size, on a phone.
            var charts = await page.Locator("figure.chart").CountAsync();
            Assert.Equal(charts, await page.Locator($"figure.chart {(device == "phone" ? ".chart-narrow" : ".chart-wide")} svg:visible").CountAsync());
            Assert.Equal(0, await page.Locator($"figure.chart {(device == "phone" ? ".chart-wide" : ".chart-narrow")} svg:visible").CountAsync());
            var file = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{device}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000, file);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_filter_changed_in_the_form_is_a_url_that_reopens_the_same_view()
    {
        var page = await fixture.SignedIn("admin");
        await page.GotoAsync("/quality?month=2026-10");
        await page.Locator("select[name=tier]").SelectOptionAsync("business");
        await page.Locator("select[name=channel]").SelectOptionAsync("chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("tier=business"));
        Assert.Contains("channel=chat", page.Url);
        var figures = await page.Locator("table.figures tbody").InnerTextAsync();
        var shared = await page.GetByRole(AriaRole.Link, new() { Name = "Link to this view" }).GetAttributeAsync("href");
        Assert.Contains("tier=business", shared);

        // Someone else opens the shared link: same filter in the form, same figures.
        var other = await fixture.SignedIn("admin");
        await other.GotoAsync(shared!);
        Assert.Equal("business", await other.Locator("select[name=tier]").InputValueAsync());
        Assert.Equal("chat", await other.Locator("select[name=channel]").InputValueAsync());
        Assert.Equal(figures, await other.Locator("table.figures tbody").InnerTextAsync());
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task A_chart_shows_each_value_on_hover_and_downloads_its_csv()
    {
        var page = await fixture.SignedIn("admin");
        await page.GotoAsync("/quality?month=2026-10");
        var value = page.Locator("figure#quality-trend .chart-wide svg .chart-values [data-series='CSAT'][data-label^='2026-10']");
        await value.HoverAsync();
        var title = await value.Locator("title").TextContentAsync();
        Assert.Matches(@"^CSAT · 2026-10.*: \d+\.\d %$", title);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Data as CSV" }).ClickAsync());
        Assert.Equal("quality-trend-2026-10-01-2026-10-31.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("series,label,value", csv);
        Assert.Contains("CSAT,2026-10", csv);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_upload_shows_its_quarantined_rows_and_why()
    {
        var page = await fixture.SignedIn("admin");
        await page.GotoAsync("/ingest");
        var csv = "ticket_id,client_id,created_at,channel,status\nB1,C-001,2026-10-30T10:00:00Z,email,open\nB2,C-001,2026-10-30T11:00:00Z,carrier-pigeon,open\n";
        await page.Locator("input[name=Upload]").SetInputFilesAsync(new FilePayload { Name = "bad-tickets.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("select[name=Kind]").SelectOptionAsync("tickets");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and load" }).ClickAsync();
        var result = page.Locator("#result");
        await Assertions.Expect(result).ToContainTextAsync("1 quarantined");
        await Assertions.Expect(result.Locator("table.quarantine")).ToContainTextAsync("carrier-pigeon");
        await Assertions.Expect(result.Locator("table.quarantine")).ToContainTextAsync("channel must be one of");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "ingest-quarantine-laptop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_success_manager_sees_their_clients_and_is_refused_another()
    {
        var page = await fixture.SignedIn(BrowserFixture.SuccessManager);
        await page.GotoAsync("/?by=client");
        var rows = await page.Locator("table.figures tbody tr th a").AllAsync();
        Assert.NotEmpty(rows);
        var own = await rows[0].GetAttributeAsync("title");
        // C-002 belongs to Grace Whitfield, not to Sofia Marquez.
        var response = await page.GotoAsync("/?client=C-002");
        Assert.Equal(403, response!.Status);
        Assert.Contains("/forbidden", page.Url);
        await Assertions.Expect(page.Locator("article.status")).ToContainTextAsync("A success manager sees only their own clients");
        var ownResponse = await page.GotoAsync($"/?client={own}");
        Assert.Equal(200, ownResponse!.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "success-manager-laptop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_health_trend_shows_a_days_score_on_hover_and_downloads_its_csv()
    {
        var page = await fixture.SignedIn("admin");
        await page.GotoAsync($"/clients/{BrowserFixture.OwnClient}");
        var score = (await page.Locator(".kpis article.kpi .value span.band").InnerTextAsync()).Trim();
        var last = page.Locator("figure#health-trend .chart-wide svg .chart-values [data-series='Health score']").Last;
        await last.HoverAsync();
        var title = await last.Locator("title").TextContentAsync();
        // The last day of the history is the day the tile shows.
        Assert.Matches(@"^Health score · \d{4}-\d{2}-\d{2}.*: \d+\.0$", title);
        Assert.EndsWith($": {score}.0", title);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("figure#health-trend figcaption a").ClickAsync());
        Assert.StartsWith($"health-trend-{BrowserFixture.OwnClient}-", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("series,label,value", csv);
        Assert.Contains("Health score,", csv);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_forecast_chart_shows_a_days_interval_on_hover_and_downloads_its_csv()
    {
        var page = await fixture.SignedIn("admin");
        await page.GotoAsync("/forecast?series=channel&key=channel:chat");
        var first = page.Locator("figure#forecast .chart-wide svg .chart-values [data-series='Forecast']").First;
        await first.HoverAsync();
        Assert.Matches(@"^Forecast · \d{4}-\d{2}-\d{2}.*: [\d.,]+ \(80 % interval: [\d.,]+ – [\d.,]+\)$", await first.Locator("title").TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Data as CSV" }).ClickAsync());
        Assert.Equal("forecast-channel-chat-daily.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("series,label,value,low,high", csv);
        Assert.Contains("95 % interval,", csv);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_report_downloads_as_a_pdf_from_the_archive()
    {
        var page = await fixture.SignedIn("admin");
        await page.GotoAsync("/reports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "executive.pdf" }).ClickAsync());
        Assert.Equal("executive.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_success_manager_sees_their_book_and_is_refused_another_clients_detail()
    {
        var page = await fixture.SignedIn(BrowserFixture.SuccessManager);
        await page.GotoAsync("/clients");
        var ids = await page.Locator("table.health-list tbody th a").EvaluateAllAsync<string[]>("links => links.map(a => a.title)");
        Assert.Contains(BrowserFixture.OwnClient, ids);
        Assert.DoesNotContain(BrowserFixture.OtherClient, ids);
        var refused = await page.GotoAsync($"/clients/{BrowserFixture.OtherClient}");
        Assert.Equal(403, refused!.Status);
        Assert.Contains("/forbidden", page.Url);
        await page.GotoAsync("/reports");
        // The demo's archive holds every client's report and the org-wide ones: she sees her book's client-health PDFs only.
        var pdfs = await page.Locator("table.reports tbody td a[download]").AllInnerTextsAsync();
        Assert.Contains($"client-health-{BrowserFixture.OwnClient}.pdf", pdfs);
        Assert.All(pdfs, pdf => Assert.Contains(pdf, ids.Select(id => $"client-health-{id}.pdf")));
        var own = await page.GotoAsync($"/clients/{BrowserFixture.OwnClient}");
        Assert.Equal(200, own!.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "success-manager-client-laptop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
