using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Auth;

/// <summary>
/// Every endpoint the host maps (read from its endpoint data source, so an endpoint added later is covered without
/// touching this test) refuses a caller who is not signed in: the API with 401, pages with a redirect to the sign-in form.
/// Only the sign-in form and the error pages are open.
/// </summary>
public sealed class AnonymousTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly string[] OpenPages = ["/error/{code:int}", "/forbidden", "/signin"];

    [Fact]
    public void Only_sign_in_and_error_pages_are_open()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(OpenPages, open);
    }

    [Fact]
    public async Task Every_other_endpoint_refuses_an_anonymous_caller()
    {
        var client = factory.Anonymous();
        var checkedRoutes = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var path = "/" + Fill(endpoint.RoutePattern.RawText!).TrimStart('/');
            var isApi = path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                using var response = await client.SendAsync(request);
                if (isApi)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}");
                    Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
                }
                checkedRoutes++;
            }
        }
        // Pages (overview, quality, SLA, incidents, ingest, batch, users, sign-out) and the API: well over a dozen routes.
        Assert.True(checkedRoutes >= 25, $"only {checkedRoutes} routes checked");
    }

    [Fact]
    public async Task A_wrong_or_malformed_token_is_refused()
    {
        foreach (var token in new[] { "slt_not-a-token", "not-even-prefixed", "" })
        {
            using var response = await factory.WithRawToken(token).GetAsync("/api/metrics");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>A route with sample values for its parameters.</summary>
    private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
    {
        "batchId" or "tokenId" => "1",
        "code" => "404",
        "clientId" => "C1",
        _ => "x",
    });
}
