using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Auth;

/// <summary>API tokens: they work, they are stored only as hashes, and a revoked one (or a removed user's) does not.</summary>
public sealed class TokenTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_token_signs_its_user_in()
    {
        var me = JsonNode.Parse(await factory.WithToken("sam").GetStringAsync("/api/me"))!;
        Assert.Equal("sam", me["name"]!.GetValue<string>());
        Assert.Equal("success-manager", me["role"]!.GetValue<string>());
        Assert.Equal("token", me["authentication"]!.GetValue<string>());
        Assert.Equal(["C1", "C2"], me["clients"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task A_created_token_works_and_a_revoked_one_does_not()
    {
        var admin = factory.WithToken("admin");
        using var created = await admin.PostAsJsonAsync("/api/tokens", new { user = "planner" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var token = issued["token"]!.GetValue<string>();
        Assert.StartsWith("slt_", token);
        Assert.Equal(HttpStatusCode.OK, (await factory.WithRawToken(token).GetAsync("/api/metrics")).StatusCode);

        // Listed by prefix, never in full.
        var listed = await admin.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(token, listed);
        Assert.Contains(token[..10], listed);

        using var revoked = await admin.DeleteAsync($"/api/tokens/{issued["token_id"]}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithRawToken(token).GetAsync("/api/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/tokens/{issued["token_id"]}")).StatusCode);
    }

    [Fact]
    public async Task A_removed_users_tokens_stop_working()
    {
        var admin = factory.WithToken("admin");
        using var added = await admin.PostAsJsonAsync("/api/users", new { name = "temp", role = "executive", password = "a long password" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var token = JsonNode.Parse(await (await admin.PostAsJsonAsync("/api/tokens", new { user = "temp" })).Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await factory.WithRawToken(token).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/users/temp")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithRawToken(token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public void Tokens_and_passwords_are_stored_as_hashes()
    {
        var store = (SupportLens.Analytics.Accounts.AccountStore)factory.Services.GetService(typeof(SupportLens.Analytics.Accounts.AccountStore))!;
        var admin = factory.Users["admin"];
        Assert.DoesNotContain(store.Users(), u => u.PasswordHash == WebTestData.Password || u.PasswordHash is null);
        var hashes = store.ActiveTokens().Keys.ToList();
        Assert.DoesNotContain(admin.Token, hashes);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(admin.Token))), hashes);
    }
}
