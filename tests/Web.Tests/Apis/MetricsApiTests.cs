using System.Net;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Apis;

/// <summary><c>GET /api/metrics</c> answers exactly what `supportlens metrics --json` prints for the same question.</summary>
public sealed class MetricsApiTests(CliBaselineFactory factory) : IClassFixture<CliBaselineFactory>
{
    public static TheoryData<string> Cases => [.. CliBaselineFactory.Cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_api_answers_what_the_cli_prints(string query)
    {
        var api = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/metrics?" + query));
        var cli = JsonNode.Parse(factory.Metrics(query));
        Assert.True(JsonNode.DeepEquals(cli, api), $"{query}\nCLI: {cli}\nAPI: {api}");
    }

    [Fact]
    public async Task Figures_without_data_are_null_not_zero()
    {
        // Channel chat has no NPS (surveys have no channel) and C1's chat ticket has no CSAT of its own in the split.
        var json = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/metrics?month=2026-10&channel=chat"))!;
        var all = json["groups"]![0]!;
        Assert.Null(all["nps"]);
        Assert.Equal(0, all["nps_responses"]!.GetValue<long>());
        var target = all["targets"]!.AsArray().Single(t => t!["metric"]!.GetValue<string>() == "nps")!;
        Assert.Null(target["met"]);
    }

    [Theory]
    [InlineData("month=2026-13", "month")]
    [InlineData("month=2026-10&from=2026-10-01&to=2026-10-02", "month")]
    [InlineData("from=2026-10-01", "to")]
    [InlineData("by=weekday", "by")]
    [InlineData("tier=gold", "tier")]
    [InlineData("channel=fax", "channel")]
    [InlineData("as_of=yesterday", "as_of")]
    public async Task A_bad_query_is_a_validation_problem_naming_the_field(string query, string field)
    {
        using var response = await factory.WithToken("exec").GetAsync("/api/metrics?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
    }
}
