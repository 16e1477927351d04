using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Refresh;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens refresh`: brings the derived tables (data horizons, SLA ledger, and the others as they come) up to date.
/// Ingest runs it after loading unless --no-refresh, and the nightly job runs it; reads never do.
/// </summary>
internal static class RefreshCommand
{
    internal static Command Create(TextWriter output, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var force = new Option<bool>("--force") { Description = "Recompute every derived table, stale or not." };
        var command = new Command("refresh", "Recompute the derived tables (SLA ledger, data horizons, forecasts, health, spikes) where the data changed.");
        command.Options.Add(force);
        command.Options.Add(data);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, config, time);
            Run(services, output, parse.GetValue(force));
            return SupportLensCli.Done;
        });
        return command;
    }

    /// <summary>Runs the refresh, printing one line per derived table as it finishes.</summary>
    internal static IReadOnlyList<RefreshStep> Run(IServiceProvider services, TextWriter output, bool force = false)
    {
        output.WriteLine("Refreshing derived tables");
        return services.GetRequiredService<RefreshService>().Run(force, step => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {step.Name,-16} {(step.WasStale ? $"{step.Rows,10:N0} rows" : "   up to date"),-16} {step.Elapsed.TotalSeconds,6:F1} s")));
    }
}
