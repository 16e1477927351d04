using System.CommandLine;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Web.Cli;

/// <summary>The configuration file: <c>--config FILE</c>, else <c>SUPPORTLENS_CONFIG</c>, else the built-in defaults.</summary>
internal static class SettingsLoader
{
    internal const string EnvironmentVariable = "SUPPORTLENS_CONFIG";

    internal static Option<string?> Option() => new("--config")
    {
        Description = "Configuration file (default: $SUPPORTLENS_CONFIG, else the built-in support plan; see config/supportlens.json).",
        HelpName = "FILE",
    };

    internal static SupportLensSettings Load(string? option)
    {
        var path = !string.IsNullOrWhiteSpace(option) ? option : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return SupportLensSettings.Default;
        }
        try
        {
            return SupportLensSettings.Load(path);
        }
        catch (Exception e) when (e is SettingsException or IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(e.Message, e);
        }
    }
}
