namespace SupportLens.Analytics.Configuration;

/// <summary>A configuration file that cannot be used; each error names the JSON key path it is about.</summary>
public sealed class SettingsException(string source, IReadOnlyList<string> errors)
    : Exception($"{source}: invalid configuration:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public string Origin { get; } = source;

    public IReadOnlyList<string> Errors { get; } = errors;
}
