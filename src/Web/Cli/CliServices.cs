using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Storage;
using SupportLens.Web.Composition;

namespace SupportLens.Web.Cli;

/// <summary>The composition root as a verb sees it: the services of the data directory and configuration it was given.</summary>
internal static class CliServices
{
    internal static ServiceProvider Build(
        ParseResult parse, Option<string?> data, Option<string?>? config, TimeProvider time, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddSupportLens(Options(parse, data, config), time);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    internal static SupportLensOptions Options(ParseResult parse, Option<string?> data, Option<string?>? config) => new(
        DataDirectory.Resolve(parse.GetValue(data)),
        config is null ? SettingsFile.Resolve(null) : SettingsFile.Resolve(parse.GetValue(config)));
}
