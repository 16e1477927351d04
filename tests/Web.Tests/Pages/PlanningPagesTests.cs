using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Pages;

/// <summary>
/// The clients, client detail, forecast, capacity and reports pages show the numbers `health`, `forecast` and `capacity`
/// print for the same day and series; their charts carry a hover title per value and their CSV holds the same numbers;
/// a success manager sees their book and is refused the rest.
/// </summary>
public sealed class PlanningPagesTests(PlanningFactory factory) : IClassFixture<PlanningFactory>
{
    [Fact]
    public async Task The_clients_list_shows_each_clients_score_and_risk_as_the_cli_does()
    {
        var client = await factory.SignedIn("exec");
        var rows = Forms.Parse(await client.GetStringAsync("/clients")).QuerySelectorAll("table.health-list tbody tr");
        var cli = factory.Cli("health")["clients"]!.AsArray();
        // Most at risk first: the CLI's order.
        Assert.Equal(cli.Select(c => c!["client_id"]!.GetValue<string>()), rows.Select(r => r.QuerySelector("th a")!.GetAttribute("title")));
        foreach (var (row, c) in rows.Zip(cli))
        {
            var score = c!["score"]?.GetValue<int>();
            Assert.Equal(score?.ToString(CultureInfo.InvariantCulture) ?? "–", row.Children[2].TextContent.Trim());
            Assert.Equal(c["band"]?.GetValue<string>(), row.Children[2].QuerySelector("span.band")?.GetAttribute("title"));
            Assert.Equal(c["renewal"]?.GetValue<string>() ?? "–", row.Children[5].TextContent.Trim());
        }
    }

    [Fact]
    public async Task Sorting_by_score_puts_the_lowest_first_and_the_url_keeps_it()
    {
        var client = await factory.SignedIn("exec");
        var page = Forms.Parse(await client.GetStringAsync("/clients?sort=score"));
        var scores = page.QuerySelectorAll("table.health-list tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim())
            .Where(s => s != "–").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.Contains("sort=score", page.QuerySelector("a.share")!.GetAttribute("href"));
        Assert.Contains("sort=score", page.QuerySelector("figure#health-bands figcaption a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_client_detail_shows_the_cli_figures_and_charts_its_daily_history()
    {
        var client = await factory.SignedIn("exec");
        var page = Forms.Parse(await client.GetStringAsync("/clients/C1"));
        var cli = factory.Cli("health-c1")["clients"]![0]!;
        Assert.Equal(cli["score"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), page.QuerySelector(".kpis article.kpi .value span.band")!.TextContent.Trim());
        var components = page.QuerySelectorAll("table.components tbody tr");
        Assert.Equal(cli["components"]!.AsArray().Count, components.Length);
        Assert.All(cli["drivers"]!.AsArray(), d => Assert.Contains(d!.GetValue<string>(), page.QuerySelector("ol.drivers")!.TextContent));

        var history = cli["history"]!.AsArray().Where(p => p!["score"] is not null).ToList();
        var marks = page.QuerySelectorAll("figure#health-trend .chart-wide svg .chart-values [data-series='Health score']");
        Assert.Equal(history.Count, marks.Length);
        var last = history[^1]!;
        var lastMark = marks.Single(m => m.GetAttribute("data-label")!.StartsWith(last["as_of"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains($"Health score · {last["as_of"]!.GetValue<string>()}", lastMark.QuerySelector("title")!.TextContent);

        var csv = await client.GetStringAsync("/clients/C1?handler=csv&chart=health-trend");
        var line = csv.Split("\r\n").Single(l => l.StartsWith("Health score," + last["as_of"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(last["score"]!.GetValue<int>(), double.Parse(line.Split(',')[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_forecast_page_shows_the_cli_sums_and_its_chart_csv_the_cli_points()
    {
        var client = await factory.SignedIn("planner");
        var page = Forms.Parse(await client.GetStringAsync("/forecast?series=channel&key=channel:email"));
        var cli = factory.Cli("forecast")["series"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "channel:email")!;
        var points = cli["points"]!.AsArray().Select(p => p!["value"]!.GetValue<double>()).ToList();
        var row = page.QuerySelectorAll("table.forecast-series tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "channel:email");
        Assert.Equal(points.Take(7).Sum().ToString("N0", CultureInfo.InvariantCulture), row.Children[4].TextContent.Trim());
        Assert.Equal(points.Sum().ToString("N0", CultureInfo.InvariantCulture), row.Children[6].TextContent.Trim());
        Assert.Equal(cli["model"]!.GetValue<string>(), row.Children[1].TextContent.Trim());

        var csv = (await client.GetStringAsync("/forecast?series=channel&key=channel:email&handler=csv&chart=forecast")).Split("\r\n");
        var first = cli["points"]!.AsArray()[0]!;
        var forecast = csv.Single(l => l.StartsWith("Forecast," + first["date"]!.GetValue<string>(), StringComparison.Ordinal)).Split(',');
        Assert.Equal(first["value"]!.GetValue<double>(), Math.Round(double.Parse(forecast[2], CultureInfo.InvariantCulture), 2));
        // Each interval is its own rows: series, day, (no value), low, high.
        var band = csv.Single(l => l.StartsWith("80 % interval," + first["date"]!.GetValue<string>(), StringComparison.Ordinal)).Split(',');
        Assert.Equal(first["lo80"]!.GetValue<double>(), Math.Round(double.Parse(band[3], CultureInfo.InvariantCulture), 2));
        Assert.Equal(first["hi80"]!.GetValue<double>(), Math.Round(double.Parse(band[4], CultureInfo.InvariantCulture), 2));
        Assert.Contains(csv, l => l.StartsWith("Actual,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_capacity_page_shows_the_cli_plan()
    {
        var client = await factory.SignedIn("planner");
        var rows = Forms.Parse(await client.GetStringAsync("/capacity")).QuerySelectorAll("table.capacity tbody tr");
        var cli = factory.Cli("capacity")["weeks"]!.AsArray()
            .SelectMany(w => w!["shifts"]!.AsArray().Select(s => (Week: w["week_start"]!.GetValue<string>(), Shift: s!))).ToList();
        Assert.Equal(cli.Count, rows.Length);
        foreach (var (row, (week, shift)) in rows.Zip(cli))
        {
            Assert.Equal(week, row.Children[0].TextContent.Trim());
            Assert.Equal(shift["shift"]!.GetValue<string>(), row.Children[1].TextContent.Trim());
            Assert.Equal(shift["required"]!.GetValue<double>().ToString("0.0", CultureInfo.InvariantCulture), row.Children[2].TextContent.Trim());
            Assert.Equal(shift["rostered"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), row.Children[4].TextContent.Trim());
            Assert.Equal(shift["gap"]!.GetValue<double>().ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture), row.Children[5].TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("/clients/C3")]
    [InlineData("/clients/C3?handler=csv&chart=health-trend")]
    [InlineData("/capacity")]
    [InlineData("/forecast?series=total")]
    public async Task A_success_manager_is_refused_what_is_not_theirs(string path)
    {
        var sam = await factory.SignedIn("sam");
        using var response = await sam.GetAsync(path);
        if (path.StartsWith("/forecast", StringComparison.Ordinal))
        {
            // The forecast page shows a success manager the client series of their book, whatever level the URL asks for.
            var page = Forms.Parse(await response.Content.ReadAsStringAsync());
            Assert.All(page.QuerySelectorAll("table.forecast-series tbody th"), th => Assert.Matches("^client:C[12]$", th.TextContent.Trim()));
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_success_manager_sees_their_book_and_their_reports()
    {
        var sam = await factory.SignedIn("sam");
        var clients = Forms.Parse(await sam.GetStringAsync("/clients")).QuerySelectorAll("table.health-list tbody th a").Select(a => a.GetAttribute("title"));
        Assert.Equal(["C1", "C2"], clients.Order());
        var reports = Forms.Parse(await sam.GetStringAsync("/reports")).QuerySelectorAll("table.reports tbody td a[download]").Select(a => a.TextContent.Trim());
        Assert.Equal(["client-health-C1.pdf"], reports);
    }

    [Fact]
    public async Task The_reports_page_lists_every_pdf_with_a_download_link()
    {
        var admin = await factory.SignedIn("admin");
        var page = Forms.Parse(await admin.GetStringAsync("/reports"));
        var links = page.QuerySelectorAll("table.reports tbody td a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(3, links.Count);
        Assert.Contains("/api/reports/2026-10/executive.pdf", links);
        Assert.NotNull(page.QuerySelector("a[href='/jobs']"));
    }

    [Fact]
    public async Task An_unknown_client_is_404()
    {
        var exec = await factory.SignedIn("exec");
        using var response = await exec.GetAsync("/clients/NO-SUCH-CLIENT");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
