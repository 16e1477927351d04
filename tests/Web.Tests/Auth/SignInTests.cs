using System.Net;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Auth;

/// <summary>The cookie sign-in: antiforgery on every form, wrong passwords told apart from nothing, a local return URL only.</summary>
public sealed class SignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Signing_in_goes_back_to_the_page_asked_for()
    {
        var client = factory.Anonymous();
        using var start = await client.GetAsync("/sla?tier=business");
        Assert.Equal("/signin?ReturnUrl=%2Fsla%3Ftier%3Dbusiness", start.Headers.Location!.PathAndQuery);
        using var response = await Forms.Post(client, "/signin", "/signin",
            new() { ["UserName"] = "exec", ["Password"] = WebTestData.Password, ["ReturnUrl"] = "/sla?tier=business" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sla?tier=business", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sla?tier=business")).StatusCode);
    }

    [Fact]
    public async Task A_return_url_off_the_site_is_ignored()
    {
        using var response = await Forms.Post(factory.Anonymous(), "/signin", "/signin",
            new() { ["UserName"] = "exec", ["Password"] = WebTestData.Password, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("exec", "wrong password!")]
    [InlineData("nobody", WebTestData.Password)]
    public async Task A_wrong_name_or_password_signs_nobody_in(string user, string password)
    {
        var client = factory.Anonymous();
        using var response = await Forms.Post(client, "/signin", "/signin", new() { ["UserName"] = user, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        var anonymous = factory.Anonymous();
        using var signIn = await anonymous.PostAsync("/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = WebTestData.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        var admin = await factory.SignedIn("admin");
        using var addUser = await admin.PostAsync("/users?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "forged", ["Role"] = "admin" }));
        Assert.Equal(HttpStatusCode.BadRequest, addUser.StatusCode);
        using var signOut = await admin.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.DoesNotContain("forged", await admin.GetStringAsync("/users"));
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie()
    {
        var client = await factory.SignedIn("planner");
        using var response = await Forms.Post(client, "/", "/signout", []);
        Assert.Equal("/signin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_sign_ins_made_with_the_old_one()
    {
        var user = "riley";
        var before = await factory.SignedIn(user);
        var admin = await factory.SignedIn("admin");
        using var reset = await Forms.Post(admin, "/users", "/users?handler=Password", new() { ["Name"] = user });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains($"Password of {user}:", await reset.Content.ReadAsStringAsync());
        using var after = await before.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery);
        // Tokens are separate credentials: they stay until revoked.
        Assert.Equal(HttpStatusCode.OK, (await factory.WithToken(user).GetAsync("/api/me")).StatusCode);
    }
}

/// <summary>A host with a low sign-in limit: the attempts beyond it are answered 429 before any password is checked.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.LimitedFactory factory) : IClassFixture<SignInRateLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : WebAppFactory
    {
        protected override int SignInAttemptsPerMinute => 3;
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_refused()
    {
        var client = factory.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await Forms.Post(client, "/signin", "/signin", new() { ["UserName"] = "admin", ["Password"] = "guess " + i });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
    }
}
