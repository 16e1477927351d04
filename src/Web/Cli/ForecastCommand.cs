using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.M4;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens forecast`: the latest stored volume forecast (refresh computes it; this verb only reads), and
/// `supportlens forecast evaluate --m4 DIR`: our forecasting scored on the M4 Weekly series against the published benchmarks.
/// </summary>
internal static class ForecastCommand
{
    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var series = new Option<string?>("--series") { Description = "Only one level: total, channel, tier or client.", HelpName = "LEVEL" };
        series.AcceptOnlyFromAmong("total", "channel", "tier", "client");
        var horizon = new Option<int?>("--horizon") { Description = "Show only the first DAYS days of the forecast (1 to 90).", HelpName = "DAYS" };
        var weekly = new Option<bool>("--weekly") { Description = "The weekly forecast (ISO weeks, Monday to Sunday) instead of the daily one." };

        var command = new Command("forecast", "The latest stored volume forecast per total, channel, tier and client, with 80 % and 95 % intervals.");
        foreach (var option in new Option[] { series, horizon, weekly, json, data, config })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if (result.GetValue(horizon) is { } days && days is < 1 or > 90)
            {
                result.AddError("--horizon must be 1 to 90 days.");
            }
        });
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, config, time);
            var frequency = parse.GetValue(weekly) ? SeriesFrequency.Weekly : SeriesFrequency.Daily;
            var run = services.GetRequiredService<ForecastReader>().Latest(frequency, parse.GetValue(series))
                ?? throw new CliFailure($"No {(frequency == SeriesFrequency.Daily ? "daily" : "weekly")} forecast is stored yet: run `supportlens refresh` after loading tickets (ingest does it unless --no-refresh).");
            StaleNote.Warn(services, error);
            var days = parse.GetValue(horizon);
            if (days > run.HorizonDays)
            {
                error.WriteLine($"supportlens: note: the stored forecast reaches {run.HorizonDays} days (forecast.horizon_days); showing all of it, not {days}.");
            }
            var shown = ForecastOutput.Cut(run, days);
            var zone = services.GetRequiredService<SupportLensSettings>().ReportingTimeZone;
            output.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(Presentation.ForecastDocument.Build(shown, zone), JsonOutput.Options) + Environment.NewLine
                : ForecastOutput.Text(shown, zone, detailed: parse.GetValue(series) is not null));
            return SupportLensCli.Done;
        });
        command.Subcommands.Add(Evaluate(output));
        return command;
    }

    private static Command Evaluate(TextWriter output)
    {
        var json = CommonOptions.Json();
        var m4 = new Option<string>("--m4") { Description = "Directory with Weekly-train.csv and Weekly-test.csv (and published-benchmarks.csv).", HelpName = "DIR", Required = true };
        var maxSeries = new Option<int?>("--max-series") { Description = "Evaluate only the first N series (a quick run).", HelpName = "N" };
        var command = new Command("evaluate", "Score the forecasting on the M4 Weekly series: sMAPE, MASE and OWA against Naive2 and the published benchmarks.");
        command.Options.Add(m4);
        command.Options.Add(maxSeries);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(m4)!;
            if (!File.Exists(Path.Combine(directory, "Weekly-train.csv")) || !File.Exists(Path.Combine(directory, "Weekly-test.csv")))
            {
                throw new CliUsageException($"{directory} has no Weekly-train.csv and Weekly-test.csv (the M4 Weekly data).");
            }
            if (parse.GetValue(maxSeries) is < 1)
            {
                throw new CliUsageException("--max-series must be at least 1.");
            }
            var result = new M4Evaluation(new M4EvaluationOptions { MaxSeries = parse.GetValue(maxSeries) }).Evaluate(directory);
            var published = PublishedBenchmarks.Read(Path.Combine(directory, "published-benchmarks.csv"));
            output.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(ForecastOutput.EvaluationJson(result, published), JsonOutput.Options) + Environment.NewLine
                : ForecastOutput.EvaluationText(result, published));
            return SupportLensCli.Done;
        });
        return command;
    }
}
