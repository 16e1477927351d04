using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SupportLens.Web.Hosting;

namespace SupportLens.Web.Cli;

/// <summary>The demo's last step: the dashboards (and the scheduled jobs) as `serve` runs them, until Ctrl+C.</summary>
internal static class DemoServer
{
    /// <param name="ready">Hears the address the server listens on (the real port when the URL asked for port 0).</param>
    internal static void Run(WebSettings settings, Action<string> ready)
    {
        using var app = SupportLensWebApp.Build(settings);
        SupportLensWebApp.Prepare(app);
        try
        {
            app.Start();
        }
        catch (IOException e) when (e.InnerException is SocketException or null && e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliFailure($"The dashboards cannot listen on {settings.Urls}: {e.Message}. Another `supportlens serve` or demo may be running; " +
                                 "pass --urls http://127.0.0.1:PORT, or --no-serve.", e);
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        ready(addresses?.FirstOrDefault() ?? settings.Urls);
        app.WaitForShutdown();
    }
}
