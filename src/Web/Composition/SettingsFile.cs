using SupportLens.Analytics.Configuration;

namespace SupportLens.Web.Composition;

/// <summary>The configuration file: the given path, else <c>SUPPORTLENS_CONFIG</c>, else the built-in support plan.</summary>
public static class SettingsFile
{
    public const string EnvironmentVariable = "SUPPORTLENS_CONFIG";

    /// <summary>The path the configuration comes from (null: the built-in defaults).</summary>
    public static string? Resolve(string? option)
    {
        var path = !string.IsNullOrWhiteSpace(option) ? option : Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
    }

    /// <summary>Reads and validates the file (every problem named by its key path), or the defaults for null.</summary>
    public static SupportLensSettings Load(string? path) => path is null ? SupportLensSettings.Default : SupportLensSettings.Load(path);
}
