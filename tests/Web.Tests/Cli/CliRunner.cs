using SupportLens.Web.Cli;

namespace SupportLens.Web.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Output, string Error);

internal static class CliRunner
{
    /// <summary>Runs the CLI in-process, capturing what it prints.</summary>
    internal static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SupportLensCli.Run(args, output, error, TimeProvider.System);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
