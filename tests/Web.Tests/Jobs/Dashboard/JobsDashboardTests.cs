using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportLens.Web.Composition;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Reports;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Tests.Jobs.Dashboard;

/// <summary>The /jobs dashboard as the web host maps it: admins only, with the run and delivery ledgers and failures shown.</summary>
public sealed class JobsDashboardTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Admins_see_runs_and_failed_deliveries_others_are_refused()
    {
        var data = Path.Combine(_dir.Path, "data");
        var config = JobsConfig.Write(_dir.File("config.json"), jobs => jobs["enabled"] = false, smtpPort: TestSmtpServer.FreePort());
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSupportLens(new SupportLensOptions(data, config), TimeProvider.System)
            .AddSingleton<IReportRenderer>(new TestRenderer(data))
            .AddSupportLensJobs();
        builder.Services.AddAuthentication(HeaderAuthentication.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("admin", p => p.RequireRole("admin")));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSupportLensJobs("admin");
        await app.StartAsync();

        // A weekly run whose mail server is down: the run fails and its deliveries wait, which the pages must show.
        var runner = app.Services.GetRequiredService<JobRunner>();
        var period = SupportLens.Web.Jobs.Scheduling.JobPeriod.Parse("2026-W47", app.Services.GetRequiredService<JobCatalog>().Settings.ReportingTimeZone);
        Assert.Equal(RunStatus.Failed, runner.RunNow(JobKind.WeeklyQuality, period, TimeSpan.Zero).Status);

        var client = app.GetTestClient();
        var runs = await Get(client, "/jobs/supportlens/runs", "admin");
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        var runsPage = await runs.Content.ReadAsStringAsync();
        Assert.Contains("weekly-quality", runsPage, StringComparison.Ordinal);
        Assert.Contains("2026-W47", runsPage, StringComparison.Ordinal);
        Assert.Contains("4 deliveries not made", runsPage, StringComparison.Ordinal);
        Assert.Contains("SMTP 127.0.0.1", runsPage, StringComparison.Ordinal);

        var deliveries = await (await Get(client, "/jobs/supportlens/deliveries", "admin")).Content.ReadAsStringAsync();
        Assert.Contains("qa@example.com", deliveries, StringComparison.Ordinal);
        Assert.Contains(">failed<", deliveries, StringComparison.Ordinal);
        Assert.Contains("<strong>4</strong> not sent yet", deliveries, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/jobs/recurring", "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(client, "/jobs/supportlens/runs", "executive")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(client, "/jobs", null)).StatusCode);
        await app.StopAsync();
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string? role)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (role is not null)
        {
            request.Headers.Add(HeaderAuthentication.Header, role);
        }

        return client.SendAsync(request);
    }

    /// <summary>Signs the request in with the role its header names; the web host's real sign-in does this with cookies and tokens.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "test";
        public const string Header = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester"), new Claim(ClaimTypes.Role, role.ToString())], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
