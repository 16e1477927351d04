using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Pages;

/// <summary>
/// The trend charts: the Reports figures inline as SVG (a title per value for hover), their data as CSV with the same
/// numbers as the CLI, and cut to a success manager's book like everything else.
/// </summary>
public sealed class ChartTests(CliBaselineFactory factory) : IClassFixture<CliBaselineFactory>
{
    [Theory]
    [InlineData("/quality", "quality-trend", "CSAT")]
    [InlineData("/sla", "sla-trend", "First response")]
    public async Task A_page_shows_its_chart_with_a_title_per_value(string path, string chart, string series)
    {
        var client = await factory.SignedIn("exec");
        var document = Forms.Parse(await client.GetStringAsync(path + "?month=2026-10"));
        var figure = document.QuerySelector($"figure.chart#{chart}")!;
        var values = figure.QuerySelectorAll(".chart-wide svg .chart-values [data-series]");
        // The phone's drawing (narrower, same text size) has the same values to hover.
        Assert.Equal(
            values.Select(v => v.QuerySelector("title")!.TextContent),
            figure.QuerySelectorAll(".chart-narrow svg .chart-values [data-series]").Select(v => v.QuerySelector("title")!.TextContent));
        // Twelve months of two series, but only October has data: a month not measured has no mark to hover.
        Assert.Equal(2, values.Length);
        var october = values.Single(v => v.GetAttribute("data-series") == series && v.GetAttribute("data-label")!.StartsWith("2026-10", StringComparison.Ordinal));
        Assert.Contains($"{series} · 2026-10", october.QuerySelector("title")!.TextContent);
        Assert.EndsWith("?month=2026-10&handler=csv&chart=" + chart, figure.QuerySelector("figcaption a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_csv_has_the_cli_figures()
    {
        var client = await factory.SignedIn("exec");
        using var response = await client.GetAsync("/quality?month=2026-10&handler=csv&chart=quality-trend");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,label,value", lines[0]);
        Assert.Equal(25, lines.Length);
        var october = lines.Single(l => l.StartsWith("CSAT,2026-10", StringComparison.Ordinal)).Split(',');
        var cli = JsonNode.Parse(factory.Metrics("month=2026-10"))!["groups"]![0]!["csat_pct"]!.GetValue<double>();
        Assert.Equal(cli, Math.Round(double.Parse(october[2], CultureInfo.InvariantCulture), 2));
        // A month without surveys is not measured: an empty value, never 0.
        Assert.Contains(lines, l => l.StartsWith("CSAT,2026-09", StringComparison.Ordinal) && l.EndsWith(",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chart_is_cut_to_a_success_managers_book()
    {
        var sam = await factory.SignedIn("sam");
        using var other = await sam.GetAsync("/quality?client=C3&handler=csv&chart=quality-trend");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/forbidden", other.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/quality?handler=csv&chart=no-such-chart")).StatusCode);
    }
}
