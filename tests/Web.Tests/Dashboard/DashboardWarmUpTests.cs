using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Dashboard;

/// <summary>
/// The server warms the first views when the data version moves, reads only (the version it warmed is the version
/// after), and the answers read afterwards are the ones a cold server gives.
/// </summary>
public sealed class DashboardWarmUpTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_first_views_are_warmed_once_per_data_version_without_writing()
    {
        var warmUp = factory.Services.GetRequiredService<DashboardWarmUp>();
        var cold = await factory.WithToken("exec").GetStringAsync("/api/metrics?month=2026-10&by=tier");
        warmUp.WarmIfMoved();
        var warmed = warmUp.Last!;
        Assert.Equal(warmed.Version, Version());
        // Once per version (the server's own look, every 2 s, may have been the one that warmed it).
        Assert.False(warmUp.WarmIfMoved());
        Assert.Equal(warmed.Version, warmUp.Last!.Version);

        // A refresh moves the version: the next look warms again, and the answers stay the same numbers.
        var warehouse = factory.Services.GetRequiredService<Warehouse>();
        var horizon = DerivedTables.All(factory.Services.GetRequiredService<SupportLensSettings>(), TimeProvider.System).Where(t => t.Name == "data-horizon");
        new RefreshService(warehouse, horizon, TimeProvider.System).Run(force: true);
        Assert.NotEqual(warmed.Version, Version());
        warmUp.WarmIfMoved();
        Assert.Equal(Version(), warmUp.Last!.Version);
        Assert.False(warmUp.WarmIfMoved());
        Assert.Equal(
            JsonNode.Parse(cold)!["groups"]!.ToJsonString(),
            JsonNode.Parse(await factory.WithToken("exec").GetStringAsync("/api/metrics?month=2026-10&by=tier"))!["groups"]!.ToJsonString());
    }

    private string Version()
    {
        using var connection = factory.Services.GetRequiredService<Warehouse>().OpenConnection();
        return DataVersion.Read(connection);
    }
}
