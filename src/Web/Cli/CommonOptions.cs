using System.CommandLine;

namespace SupportLens.Web.Cli;

internal static class CommonOptions
{
    internal static Option<string?> Data() => new("--data")
    {
        Description = "Data directory (default: $SUPPORTLENS_DATA, else ./data).",
        HelpName = "DIR",
    };

    internal static Option<string?> Config() => new("--config")
    {
        Description = "Configuration file (default: $SUPPORTLENS_CONFIG, else the built-in support plan; see config/supportlens.json).",
        HelpName = "FILE",
    };

    internal static Option<bool> Json() => new("--json")
    {
        Description = "Print machine-readable JSON instead of text.",
    };
}
