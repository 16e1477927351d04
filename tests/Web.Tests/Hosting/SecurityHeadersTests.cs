using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>Every response carries the security headers; pages and API answers are not cached, the stylesheets are.</summary>
public sealed class SecurityHeadersTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/signin", false)]
    [InlineData("/", false)]
    [InlineData("/api/metrics", true)]
    [InlineData("/error/404", false)]
    public async Task Responses_carry_the_security_headers(string path, bool signedInByToken)
    {
        var client = signedInByToken ? factory.WithToken("exec") : await factory.SignedIn("exec");
        using var response = await client.GetAsync(path);
        var headers = response.Headers;
        var csp = string.Join(",", headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.True(headers.CacheControl?.NoStore, path);
        Assert.False(headers.Contains("Server"));
    }

    [Fact]
    public async Task Stylesheets_are_served_to_anyone_and_cached()
    {
        using var response = await factory.Anonymous().GetAsync("/assets/site.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.CacheControl!.NoStore);
        using var pico = await factory.Anonymous().GetAsync("/assets/vendor/pico-2.1.1/pico.min.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, pico.StatusCode);
    }

    [Fact]
    public async Task Sign_in_cookies_are_http_only_and_same_site_strict()
    {
        var client = factory.Anonymous();
        using var response = await Forms.Post(client, "/signin", "/signin", new() { ["UserName"] = "exec", ["Password"] = WebTestData.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("supportlens=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
