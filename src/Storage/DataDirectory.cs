namespace SupportLens.Storage;

/// <summary>Where SupportLens keeps its files: <c>--data DIR</c>, else <c>SUPPORTLENS_DATA</c>, else <c>./data</c>.</summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "SUPPORTLENS_DATA";

    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? "data" : fromEnvironment);
    }
}
