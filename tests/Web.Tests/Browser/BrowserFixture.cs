using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportLens.Analytics.Accounts;
using SupportLens.Web.Auth;
using SupportLens.Web.Composition;
using SupportLens.Web.Hosting;
using SupportLens.Web.Tests.Cli;

namespace SupportLens.Web.Tests.Browser;

/// <summary>
/// `supportlens serve` on a free loopback port over the committed sample history (loaded as `demo` loads it), and Debian's
/// Chromium driven by Playwright. The browser is /usr/bin/chromium, installed with apt-get (`.ci/run` does it); Playwright
/// never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    internal const string Chromium = "/usr/bin/chromium";

    internal const string Password = "browser test password";

    /// <summary>A success manager of the sample history, and a client of another one.</summary>
    internal const string SuccessManager = "Sofia Marquez";

    /// <summary>A client of <see cref="SuccessManager"/>, and one of Grace Whitfield.</summary>
    internal const string OwnClient = "C-001";

    internal const string OtherClient = "C-002";

    private readonly TempDirectory _data = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    internal IBrowser Browser { get; private set; } = null!;

    internal string BaseUrl { get; private set; } = "";

    internal string DataDirectory => _data.Path;

    /// <summary>Where screenshots go: $SUPPORTLENS_SCREENSHOTS, else screenshots/ next to the test assembly.</summary>
    internal static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("SUPPORTLENS_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var demo = CliRunner.Run("demo", "--no-serve", "--data", _data.Path);
        Assert.True(demo.ExitCode == 0, demo.Error);
        var options = new SupportLensOptions(_data.Path, null);
        using (var services = new ServiceCollection().AddSupportLens(options, TimeProvider.System).BuildServiceProvider())
        {
            var users = services.GetRequiredService<UserDirectory>();
            // The demo made them (and rendered the archive: its last month's PDFs, as the jobs make them); known passwords here.
            foreach (var (name, role) in new[] { ("admin", UserRoles.Admin), (SuccessManager, UserRoles.SuccessManager) })
            {
                if (users.Find(name) is null)
                {
                    users.Add(name, role, null, Password, []);
                }
                else
                {
                    users.SetPassword(name, Password);
                }
            }
        }
        // Many sign-ins from one address in a minute: the limit has its own test (SignInRateLimitTests).
        _app = SupportLensWebApp.Build(new WebSettings(options, TimeProvider.System) { Urls = "http://127.0.0.1:0", SignInAttemptsPerMinute = 1_000 });
        SupportLensWebApp.Prepare(_app);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();

        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (the browser tests never download one)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser context (its own cookies) of the given viewport, signed in as <paramref name="user"/>.</summary>
    internal async Task<IPage> SignedIn(string user, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseUrl });
        // The machine is shared: a loaded one takes more than the default 30 s to upload and load a file.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _data.Dispose();
    }
}
