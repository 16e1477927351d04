using System.Net;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Apis;

/// <summary>
/// The health, forecast and capacity API answers exactly what `health --json`, `forecast --json` and `capacity --json`
/// print for the same day, series and weeks (field names and numbers), and cuts a success manager's answers to their book.
/// </summary>
public sealed class PlanningApiTests(PlanningFactory factory) : IClassFixture<PlanningFactory>
{
    [Theory]
    [InlineData("/api/health", "health")]
    [InlineData("/api/health/clients/C1", "health-c1")]
    [InlineData("/api/health?as_of=2026-09-15", "health-earlier")]
    [InlineData("/api/health/clients/C2?as_of=2026-09-15", "health-c2-earlier")]
    [InlineData("/api/forecast", "forecast")]
    [InlineData("/api/forecast?series=channel&horizon=7", "forecast-channel-7")]
    [InlineData("/api/forecast?weekly=true", "forecast-weekly")]
    [InlineData("/api/capacity", "capacity")]
    [InlineData("/api/capacity?weeks=1", "capacity-1")]
    public async Task The_api_answers_what_the_cli_prints(string path, string cli)
    {
        var api = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync(path))!;
        var expected = factory.Cli(cli);
        Assert.True(JsonNode.DeepEquals(expected, api), $"{path} differs from the CLI:\n{api.ToJsonString()[..Math.Min(600, api.ToJsonString().Length)]}");
    }

    [Fact]
    public async Task Retention_is_the_health_documents_retention()
    {
        var retention = JsonNode.Parse(await factory.WithToken("admin").GetStringAsync("/api/health/retention"))!;
        Assert.True(JsonNode.DeepEquals(factory.Cli("health")["retention"], retention));
    }

    [Fact]
    public async Task The_health_book_has_every_client_with_scores_and_the_history_reaches_the_day()
    {
        var book = factory.Cli("health");
        Assert.Equal(["C1", "C2", "C3"], book["clients"]!.AsArray().Select(c => c!["client_id"]!.GetValue<string>()).Order());
        var detail = factory.Cli("health-c1")["clients"]![0]!;
        Assert.Equal(book["as_of"]!.GetValue<string>(), detail["history"]!.AsArray()[^1]!["as_of"]!.GetValue<string>());
        Assert.NotNull(detail["components"]!.AsArray()[0]!["meaning"]);
        Assert.True(factory.Cli("forecast")["series"]!.AsArray().Count >= 6, "total, two channels, tiers and clients");
    }

    [Fact]
    public async Task A_success_manager_gets_their_book_and_is_refused_the_rest()
    {
        var sam = factory.WithToken("sam");
        var book = JsonNode.Parse(await sam.GetStringAsync("/api/health"))!;
        Assert.Equal(["C1", "C2"], book["clients"]!.AsArray().Select(c => c!["client_id"]!.GetValue<string>()).Order());
        Assert.Equal(2, book["active_clients"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/health/clients/C3")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/health?client=C3")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/capacity")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/api/forecast?series=total")).StatusCode);
        var forecast = JsonNode.Parse(await sam.GetStringAsync("/api/forecast"))!;
        Assert.All(forecast["series"]!.AsArray(), s => Assert.Matches("^client:C[12]$", s!["key"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/api/health/clients/C2")).StatusCode);
    }

    [Fact]
    public async Task A_filter_cuts_the_book_and_its_figures()
    {
        var starter = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/health?tier=starter"))!;
        Assert.Equal(["C3"], starter["clients"]!.AsArray().Select(c => c!["client_id"]!.GetValue<string>()));
        Assert.Equal(1, starter["active_clients"]!.GetValue<int>());
        Assert.Equal(1, starter["retention"]!["annual"]!["all"]!["clients_at_start"]!.GetValue<int>());
        var sams = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/health?success_manager=sam"))!;
        Assert.Equal(["C1", "C2"], sams["clients"]!.AsArray().Select(c => c!["client_id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("/api/health?as_of=2020-01-01", "as_of")]
    [InlineData("/api/health?as_of=yesterday", "as_of")]
    [InlineData("/api/forecast?series=region", "series")]
    [InlineData("/api/forecast?horizon=91", "horizon")]
    [InlineData("/api/capacity?weeks=14", "weeks")]
    public async Task A_bad_question_is_400_naming_the_field(string path, string field)
    {
        using var response = await factory.WithToken("admin").GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Fact]
    public async Task Spikes_are_listed_for_a_period_and_cut_to_the_viewers_book()
    {
        var all = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/forecast/spikes?from=2026-05-01&to=2026-10-31"))!;
        Assert.Equal("2026-05-01", all["from"]!.GetValue<string>());
        var sams = JsonNode.Parse(await factory.WithToken("sam").GetStringAsync("/api/forecast/spikes?from=2026-05-01&to=2026-10-31"))!;
        Assert.All(sams["spikes"]!.AsArray(), s => Assert.Contains(s!["client_id"]!.GetValue<string>(), new[] { "C1", "C2" }));
        Assert.Equal(
            all["spikes"]!.AsArray().Count(s => s!["client_id"]!.GetValue<string>() is "C1" or "C2"),
            sams["spikes"]!.AsArray().Count);
    }
}
