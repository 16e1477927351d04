using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens capacity`: agents per follow-the-sun shift, week by week, from the stored channel forecasts, the
/// configured service levels and roster, and the measured handle times and agent productivity.
/// </summary>
internal static class CapacityCommand
{
    internal const int DefaultWeeks = 8;

    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var weeks = new Option<int?>("--weeks")
        {
            Description = $"Whole ISO weeks to plan, from the first Monday after the history (default {DefaultWeeks}).",
            HelpName = "N",
        };
        var command = new Command("capacity", "Agents each shift needs week by week (Erlang C for chat and phone, workload for email and web) against the roster.");
        foreach (var option in new Option[] { weeks, json, data, config })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if (result.GetValue(weeks) is < 1 or > 13)
            {
                result.AddError("--weeks must be 1 to 13 (the forecast reaches at most 90 days).");
            }
        });
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, config, time);
            var asked = parse.GetValue(weeks) ?? DefaultWeeks;
            var report = services.GetRequiredService<CapacityService>().Plan(asked)
                ?? throw new CliFailure("No daily forecast is stored yet: run `supportlens refresh` after loading tickets (ingest does it unless --no-refresh).");
            StaleNote.Warn(services, error);
            if (asked > report.WeeksAvailable)
            {
                error.WriteLine($"supportlens: note: the stored forecast covers {report.WeeksAvailable} whole week{(report.WeeksAvailable == 1 ? string.Empty : "s")} (forecast.horizon_days); planning {(report.WeeksAvailable == 1 ? "it" : "those")}, not {asked}.");
            }
            var zone = services.GetRequiredService<SupportLensSettings>().ReportingTimeZone;
            output.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(Presentation.CapacityDocument.Build(report, zone), JsonOutput.Options) + Environment.NewLine
                : CapacityOutput.Text(report, zone));
            return SupportLensCli.Done;
        });
        return command;
    }
}
