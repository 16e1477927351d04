using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace SupportLens.Web.Tests.Cli;

public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_loads_reports_and_mails_once_then_serves_the_dashboards()
    {
        using var dir = new TempDirectory();
        var first = CliRunner.Run("demo", "--no-serve", "--data", dir.Path);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Metrics 2026-10-01 to 2026-10-31 (America/New_York)", first.Output);
        foreach (var tier in new[] { "starter", "professional", "business", "enterprise" })
        {
            Assert.Contains(tier, first.Output);
        }

        // Last month's reports on disk: the executive pack, the quality reports, the capacity plan, a PDF per client.
        var reports = Path.Combine(dir.Path, "reports", "2026-10");
        foreach (var pdf in new[] { "executive.pdf", "csat.pdf", "nps.pdf", "fcr.pdf", "sla.pdf", "capacity.pdf" })
        {
            Assert.Equal("%PDF", File.ReadAllText(Path.Combine(reports, pdf))[..4]);
        }

        var perClient = Directory.GetFiles(reports, "client-health-*.pdf");
        Assert.True(perClient.Length >= 30, $"{perClient.Length} client-health PDFs");
        // Mailed to the outbox: the executive pack to the demo's executive, each client's PDF to its success manager.
        var mail = Outbox(dir.Path);
        Assert.Equal(perClient.Length + 1, mail.Count);
        Assert.Contains(mail.Keys, m => m.Contains("executive--avery.chen@example.com", StringComparison.Ordinal));
        Assert.Matches($@"Mail: {mail.Count} messages this run", first.Output);
        var password = SignIn().Match(first.Output).Groups["password"].Value;
        Assert.Equal(password, File.ReadAllText(Path.Combine(dir.Path, "demo-password")).Trim());

        // Again: nothing loaded, rendered or sent twice.
        var pdfTimes = Directory.GetFiles(reports).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = CliRunner.Run("demo", "--no-serve", "--data", dir.Path);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.DoesNotMatch(@"[1-9][\d,]* new", second.Output);
        Assert.DoesNotMatch(@"[1-9][\d,]* updated", second.Output);
        Assert.Contains("nothing rendered, nothing sent", second.Output);
        Assert.Equal(mail, Outbox(dir.Path));
        Assert.Equal(pdfTimes, Directory.GetFiles(reports).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(password, SignIn().Match(second.Output).Groups["password"].Value);

        // Without --no-serve: the real executable serves the dashboards, and the printed sign-in works.
        var url = await ServeAndSignIn(dir.Path, password);
        Assert.StartsWith("http://127.0.0.1:", url);
        Assert.Equal(mail, Outbox(dir.Path));
    }

    private static async Task<string> ServeAndSignIn(string data, string password)
    {
        using var child = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "supportlens.dll"), "demo", "--data", data, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            string? line;
            while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("[4/4] Dashboards: ", StringComparison.Ordinal))
            {
            }

            if (line is null)
            {
                Assert.Fail("demo ended without serving: " + await child.StandardError.ReadToEndAsync());
            }

            var url = line["[4/4] Dashboards: ".Length..].Split(' ')[0];
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
            Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/")).StatusCode);
            var signIn = await Hosting.Forms.Post(http, "/signin", "/signin", new Dictionary<string, string>
            {
                ["UserName"] = "admin", ["Password"] = password,
            });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var overview = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
            Assert.Contains("2026", await overview.Content.ReadAsStringAsync());
            return url;
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }

    private static Dictionary<string, long> Outbox(string data) =>
        Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml", SearchOption.AllDirectories).ToDictionary(f => Path.GetFileName(f), f => new FileInfo(f).Length);

    [GeneratedRegex(@"Sign in as admin with password (?<password>\S+) ")]
    private static partial Regex SignIn();
}
