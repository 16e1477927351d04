using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Refresh;

namespace SupportLens.Web.Cli;

/// <summary>Reads never refresh derived tables; they say so when the tables lag the data.</summary>
internal static class StaleNote
{
    internal static void Warn(IServiceProvider services, TextWriter error)
    {
        var stale = services.GetRequiredService<RefreshService>().StaleTables();
        if (stale.Count > 0)
        {
            error.WriteLine($"supportlens: note: {string.Join(", ", stale)} lag the data; run `supportlens refresh` (ingest does it unless --no-refresh).");
        }
    }
}
