using SupportLens.Web.Tests.Cli;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>
/// The test host with what the CLI prints for the same data, taken before the host starts (the server then owns the
/// database file, as `supportlens serve` does): pages and API must show the same numbers.
/// </summary>
public sealed class CliBaselineFactory : WebAppFactory
{
    private readonly Dictionary<string, string> _outputs = new(StringComparer.Ordinal);

    /// <summary>The `metrics` invocations compared, by the query string the API and pages get for them.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Cases = new Dictionary<string, string[]>
    {
        ["month=2026-10"] = ["--month", "2026-10"],
        ["month=2026-10&by=tier"] = ["--month", "2026-10", "--by", "tier"],
        ["month=2026-10&by=client"] = ["--month", "2026-10", "--by", "client"],
        ["month=2026-10&by=channel&tier=enterprise"] = ["--month", "2026-10", "--by", "channel", "--tier", "enterprise"],
        ["from=2026-10-01&to=2026-10-15&by=success-manager"] = ["--from", "2026-10-01", "--to", "2026-10-15", "--by", "success-manager"],
        ["month=2026-10&channel=email&success_manager=sam"] = ["--month", "2026-10", "--channel", "email", "--success-manager", "sam"],
        ["month=2026-10&client=C3"] = ["--month", "2026-10", "--client", "C3"],
    };

    /// <summary>`metrics ... --json` (or the text output with <paramref name="json"/> false) for a case.</summary>
    internal string Metrics(string query, bool json = true)
    {
        _ = Services;
        return _outputs[(json ? "json|" : "text|") + query];
    }

    protected override void BeforeStart()
    {
        foreach (var (query, args) in Cases)
        {
            foreach (var json in new[] { true, false })
            {
                var result = CliRunner.Run(["metrics", .. args, .. (json ? new[] { "--json" } : []), "--data", DataDirectory]);
                Assert.True(result.ExitCode == 0, result.Error);
                _outputs[(json ? "json|" : "text|") + query] = result.Output;
            }
        }
    }
}
