using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using SupportLens.Web.Composition;
using SupportLens.Web.Hosting;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>
/// The web host of `supportlens serve` on a test server, over a fresh data directory seeded with <see cref="WebTestData"/>.
/// The executable's entry point is the CLI, not a host builder, so the factory builds the application the way the serve
/// verb does (<see cref="SupportLensWebApp.Build"/>) instead of starting the entry point.
/// </summary>
public class WebAppFactory : WebApplicationFactory<SupportLensOptions>
{
    private readonly TempDirectory _data = new();
    private IReadOnlyDictionary<string, TestUser>? _users;

    /// <summary>Sign-in attempts a minute; high, so that tests signing in often are not limited unless they mean to be.</summary>
    protected virtual int SignInAttemptsPerMinute => 1_000;

    public string DataDirectory => _data.Path;

    /// <summary>The configuration file the host reads (null: the built-in support plan).</summary>
    public virtual string? ConfigPath => null;

    public IReadOnlyDictionary<string, TestUser> Users => _users ??= WebTestData.Seed(_data.Path);

    /// <summary>Runs before the host opens the database (it holds DuckDB's lock from then on).</summary>
    protected virtual void BeforeStart()
    {
    }

    protected override IHostBuilder CreateHostBuilder() => new HostBuilder();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _ = Users;
        BeforeStart();
        var settings = new WebSettings(new SupportLensOptions(_data.Path, ConfigPath), TimeProvider.System)
        {
            SignInAttemptsPerMinute = SignInAttemptsPerMinute,
        };
        var app = SupportLensWebApp.Build(settings, web => web.WebHost.UseTestServer());
        SupportLensWebApp.Prepare(app);
        app.Start();
        return app;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client that sends <paramref name="user"/>'s API token.</summary>
    public HttpClient WithToken(string user) => WithRawToken(Users[user].Token);

    /// <summary>A client that sends <paramref name="token"/> as its bearer token, whatever it is.</summary>
    public HttpClient WithRawToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in through the sign-in form (cookie), as a browser would be.</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var client = Anonymous();
        var response = await Forms.Post(client, "/signin", "/signin", new() { ["UserName"] = user, ["Password"] = Users[user].Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
