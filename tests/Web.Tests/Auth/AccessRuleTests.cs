using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Auth;

/// <summary>
/// Who may see and do what: a success manager sees only their book (clients whose success manager they are, plus those
/// given by id), on pages and API alike; ingest and users are for admins; API writes need an admin's token.
/// </summary>
public sealed class AccessRuleTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("sam", new[] { "C1", "C2" })]
    [InlineData("riley", new[] { "C1", "C3" })]
    [InlineData("exec", new[] { "C1", "C2", "C3" })]
    [InlineData("planner", new[] { "C1", "C2", "C3" })]
    public async Task The_client_list_is_the_viewers_book(string user, string[] expected)
    {
        var json = JsonNode.Parse(await factory.WithToken(user).GetStringAsync("/api/clients"))!;
        Assert.Equal(expected, json["clients"]!.AsArray().Select(c => c!["client_id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/clients/C3")]
    [InlineData("/api/metrics?client=C3")]
    [InlineData("/api/sla/due-soon?client=C3")]
    [InlineData("/api/incidents?client=C3")]
    [InlineData("/api/clients/NO-SUCH-CLIENT")]
    public async Task A_success_manager_is_refused_another_client_by_the_api(string path)
    {
        using var response = await factory.WithToken("sam").GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/?client=C3")]
    [InlineData("/quality?client=C3")]
    [InlineData("/sla?client=C3")]
    [InlineData("/incidents?client=C3")]
    public async Task A_success_manager_is_refused_another_client_on_pages(string path)
    {
        var client = await factory.SignedIn("sam");
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
        using var own = await client.GetAsync("/?client=C1");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_success_managers_figures_are_their_books_figures()
    {
        var sam = JsonNode.Parse(await factory.WithToken("sam").GetStringAsync("/api/metrics?month=2026-10&by=client"))!;
        Assert.Equal(["C1", "C2"], sam["groups"]!.AsArray().Select(g => g!["key"]!.GetValue<string>()));
        var samAll = JsonNode.Parse(await factory.WithToken("sam").GetStringAsync("/api/metrics?month=2026-10"))!;
        var examined = JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/metrics?month=2026-10&success_manager=sam"))!;
        // Tickets of C1 and C2 created in October: T1, T2, T3, T4, T7, T8.
        Assert.Equal(6, samAll["groups"]![0]!["tickets"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(examined["groups"], samAll["groups"]));
    }

    [Fact]
    public async Task A_success_manager_may_see_their_own_client_detail()
    {
        var json = JsonNode.Parse(await factory.WithToken("sam").GetStringAsync("/api/clients/C2?month=2026-10"))!;
        Assert.Equal("Bolt Ltd", json["client"]!["name"]!.GetValue<string>());
        // C2: T3, T4, T8 created in October.
        Assert.Equal(3, json["metrics"]!["groups"]![0]!["tickets"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("planner")]
    [InlineData("sam")]
    public async Task Ingest_and_users_are_for_admins(string user)
    {
        var api = factory.WithToken(user);
        foreach (var path in new[] { "/api/users", "/api/tokens", "/api/ingest/batches", "/api/ingest/batches/1/quarantine" })
        {
            using var response = await api.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {path}: {(int)response.StatusCode}");
        }
        using var upload = await api.PostAsync("/api/ingest", Multipart.Csv("tickets", "x.csv", "a,b\n1,2\n"));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        using var add = await api.PostAsJsonAsync("/api/users", new { name = "mallory", role = "admin" });
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);

        var pages = await factory.SignedIn(user);
        foreach (var page in new[] { "/ingest", "/users", "/ingest/batches/1" })
        {
            using var response = await pages.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Admins_see_ingest_and_users()
    {
        var api = factory.WithToken("admin");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/ingest/batches")).StatusCode);
        var pages = await factory.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/ingest")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/users")).StatusCode);
    }

    [Fact]
    public async Task Api_writes_take_an_admins_token_not_the_cookie()
    {
        // The cookie goes along with any request a browser makes, so a signed-in admin's browser could be made to post
        // from another site; a token never goes along by itself.
        var cookie = await factory.SignedIn("admin");
        using var add = await cookie.PostAsJsonAsync("/api/users", new { name = "eve", role = "planner", password = "long enough password" });
        Assert.Equal(HttpStatusCode.Unauthorized, add.StatusCode);
        using var upload = await cookie.PostAsync("/api/ingest", Multipart.Csv("tickets", "x.csv", "a\n1\n"));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/users")).StatusCode);
    }
}
