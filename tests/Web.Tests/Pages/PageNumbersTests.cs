using System.Net;
using System.Text.RegularExpressions;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Pages;

/// <summary>
/// The numbers on the pages are the CLI's numbers for the same period, split and filter: the overview table is compared
/// cell by cell with the table `supportlens metrics` prints.
/// </summary>
public sealed partial class PageNumbersTests(CliBaselineFactory factory) : IClassFixture<CliBaselineFactory>
{
    public static TheoryData<string> SplitCases =>
    [
        "month=2026-10&by=tier",
        "month=2026-10&by=client",
        "month=2026-10&by=channel&tier=enterprise",
        "from=2026-10-01&to=2026-10-15&by=success-manager",
    ];

    [Theory]
    [MemberData(nameof(SplitCases))]
    public async Task The_overview_table_equals_the_cli_table(string query)
    {
        var client = await factory.SignedIn("exec");
        var html = await client.GetStringAsync("/?" + query);
        var page = Forms.Parse(html).QuerySelectorAll("table.figures tbody tr")
            // A client's row shows its name and links to it; the id is the link's title.
            .Select(row => row.Children.Select((c, i) => i == 0 && c.QuerySelector("a") is { } a ? a.GetAttribute("title")! : c.TextContent.Trim()).ToList())
            .ToList();
        var cli = CliRows(factory.Metrics(query, json: false));
        Assert.Equal(cli.Count, page.Count);
        for (var i = 0; i < cli.Count; i++)
        {
            // Page: group, tickets, CSAT, NPS, FCR, SLA 1st, SLA res, esc, reopen, backlog .
            var (key, cells) = cli[i];
            Assert.Equal(key, page[i][0]);
            Assert.Equal(cells, page[i].Skip(1).ToList());
        }
    }

    [Fact]
    public async Task The_overview_tiles_show_the_cli_figures_of_the_whole_period()
    {
        var client = await factory.SignedIn("exec");
        var document = Forms.Parse(await client.GetStringAsync("/?month=2026-10"));
        var tiles = document.QuerySelectorAll("article.kpi").ToDictionary(
            t => t.QuerySelector("header")!.TextContent.Trim(),
            t => t.QuerySelector(".value")!.ChildNodes.First().TextContent.Trim());
        var (_, cells) = CliRows(factory.Metrics("month=2026-10", json: false)).Single();
        Assert.Equal(cells[0], tiles["Tickets"]);
        Assert.Equal(cells[1], tiles["CSAT"]);
        Assert.Equal(cells[2], tiles["NPS"]);
        Assert.Equal(cells[3], tiles["FCR"]);
        Assert.Equal(cells[4], tiles["SLA first response"]);
        Assert.Equal(cells[5], tiles["SLA resolution"]);
        Assert.Equal(cells[6], tiles["Escalations"]);
        Assert.Equal(cells[7], tiles["Reopens"]);
        Assert.Equal(cells[8], tiles["Backlog"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/quality")]
    [InlineData("/sla")]
    [InlineData("/incidents")]
    [InlineData("/ingest")]
    [InlineData("/users")]
    [InlineData("/ingest/batches/1")]
    public async Task Every_page_opens_for_an_admin(string path)
    {
        var client = await factory.SignedIn("admin");
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Forms.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document.QuerySelector("h1"));
        Assert.Contains(document.QuerySelectorAll("nav a"), a => a.GetAttribute("aria-current") == "page" || path.StartsWith("/ingest/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_filter_shows_what_is_wrong_with_400()
    {
        var client = await factory.SignedIn("exec");
        using var response = await client.GetAsync("/quality?month=2026-13&tier=gold");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not a month like 2026-10", text);
        Assert.Contains("&#x27;gold&#x27; is not a tier", text);
    }

    /// <summary>The rows of the CLI's text table: group and cells (tickets, CSAT, NPS, FCR, SLA 1st, SLA res, esc, reopen, backlog).</summary>
    private static List<(string Key, List<string> Cells)> CliRows(string text)
    {
        var rows = new List<(string, List<string>)>();
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("group ", StringComparison.Ordinal));
        foreach (var line in lines.Skip(header + 1).TakeWhile(l => l.Trim().Length > 0))
        {
            var match = Row().Match(line);
            Assert.True(match.Success, line);
            var g = match.Groups;
            rows.Add((g["key"].Value.Trim(), [g["tickets"].Value, g["csat"].Value, g["nps"].Value, g["fcr"].Value, g["sla1"].Value, g["slar"].Value, g["esc"].Value, g["reopen"].Value, g["backlog"].Value]));
        }
        return rows;
    }

    [GeneratedRegex(@"^(?<key>.{20}) +(?<tickets>[\d,]+) +[\d,]+ +(?<csat>\S+) \( *[\d,]+\) +(?<nps>\S+) \( *[\d,]+\) +(?<fcr>\S+) +(?<sla1>\S+) +(?<slar>\S+) +(?<esc>\S+) +(?<reopen>\S+) +(?<backlog>[\d,]+)\s*$")]
    private static partial Regex Row();
}
