using System.CommandLine;
using SupportLens.Storage;
using SupportLens.Web.Composition;
using SupportLens.Web.Hosting;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens serve`: the dashboards and the JSON API on one address. The server owns the database file while it runs
/// (CLI verbs that need it say so and point here); on first start with no users it creates <c>admin</c>.
/// </summary>
internal static class ServeCommand
{
    internal static Command Create(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen, semicolon-separated (default {WebSettings.DefaultUrls}: this machine only).",
            HelpName = "URL",
        };
        var command = new Command("serve", "Serve the dashboards and the JSON API (sign in as admin on first start).");
        command.Options.Add(urls);
        command.Options.Add(data);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            var settings = new WebSettings(
                new SupportLensOptions(DataDirectory.Resolve(parse.GetValue(data)), SettingsFile.Resolve(parse.GetValue(config))), time)
            {
                Urls = parse.GetValue(urls) ?? WebSettings.DefaultUrls,
                Output = output,
            };
            using var app = SupportLensWebApp.Build(settings);
            SupportLensWebApp.Prepare(app);
            output.WriteLine($"SupportLens serves {settings.Options.DataDirectory} on {settings.Urls} (Ctrl+C stops it).");
            output.Flush();
            app.Run();
            return SupportLensCli.Done;
        });
        return command;
    }
}
