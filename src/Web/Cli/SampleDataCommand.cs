using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SupportLens.SampleData;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens sample-data`: writes the deterministic sample history (or, with --scale, a large tickets file for
/// benchmarks). Same seed and date give the same bytes.
/// </summary>
internal static class SampleDataCommand
{
    internal static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out")
        {
            Description = "Folder to write (default: ./sample-data).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "sample-data",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = $"Random seed (default: {SampleDataOptions.DefaultSeed}).",
            HelpName = "N",
            DefaultValueFactory = _ => SampleDataOptions.DefaultSeed,
        };
        var today = new Option<string>("--today")
        {
            Description = $"The history is the 18 complete months before this date (default: {SampleDataOptions.DefaultToday:yyyy-MM-dd}).",
            HelpName = "YYYY-MM-DD",
        };
        today.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (text is not null && !LocalDatePattern.Iso.Parse(text).Success)
            {
                result.AddError($"--today must be a date like 2026-11-01, not '{text}'.");
            }
        });
        var scale = new Option<long?>("--scale")
        {
            Description = "Write only clients.csv and a tickets.csv of exactly this many tickets, streamed (for benchmarks).",
            HelpName = "TICKETS",
        };
        scale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is { } n && n < 1)
            {
                result.AddError("--scale must be a positive number of tickets.");
            }
        });

        var command = new Command("sample-data", "Generate the deterministic sample support history (DESIGN.md §3 files, Zendesk and Statuspage renderings, README).");
        command.Options.Add(outDir);
        command.Options.Add(seed);
        command.Options.Add(today);
        command.Options.Add(scale);
        command.SetAction(parse =>
        {
            var options = new SampleDataOptions
            {
                Seed = parse.GetValue(seed),
                Today = parse.GetValue(today) is { } text ? LocalDatePattern.Iso.Parse(text).Value : SampleDataOptions.DefaultToday,
                ScaleTickets = parse.GetValue(scale),
            };
            var dir = Path.GetFullPath(parse.GetValue(outDir) ?? "sample-data");
            var clock = Stopwatch.StartNew();
            IReadOnlyList<GeneratedFile> files;
            try
            {
                files = SampleDataGenerator.Generate(options, dir, message => output.WriteLine(message)).Files;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure($"cannot write {dir}: {e.Message}", e);
            }
            foreach (var file in files)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Path,-28} {file.Rows,12:N0}"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {dir} in {clock.Elapsed.TotalSeconds:0.0} s"));
            return SupportLensCli.Done;
        });
        return command;
    }
}
