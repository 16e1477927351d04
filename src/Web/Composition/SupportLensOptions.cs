namespace SupportLens.Web.Composition;

/// <summary>
/// Where SupportLens keeps its files and which configuration it reads: what the CLI's <c>--data</c> / <c>--config</c>
/// (or <c>SUPPORTLENS_DATA</c> / <c>SUPPORTLENS_CONFIG</c>) and the web host's settings decide.
/// </summary>
/// <param name="DataDirectory">The data directory (already resolved: absolute).</param>
/// <param name="ConfigPath">The configuration file, or null for the built-in support plan.</param>
public sealed record SupportLensOptions(string DataDirectory, string? ConfigPath);
