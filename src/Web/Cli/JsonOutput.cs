using System.Text.Json;

namespace SupportLens.Web.Cli;

internal static class JsonOutput
{
    /// <summary>snake_case keys as DESIGN.md §7 promises them; scripts depend on these names.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
}
