using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Ingest;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens ingest`: load export files (DESIGN.md §3, §7), one batch per file; `ingest batches` and
/// `ingest quarantine BATCH_ID` show what was loaded and what was rejected. Exit 0 when every file loaded (even with
/// quarantined rows), 1 when a file was rejected or every row of a file was, 2 for bad usage.
/// </summary>
internal static class IngestCommand
{
    /// <summary>How many quarantined rows the human summary shows per file; `ingest quarantine` shows them all.</summary>
    private const int ShownErrors = 10;

    // One compact object per line, so several files read as NDJSON and one file is exactly the §7 object.
    private static readonly JsonSerializerOptions Compact = new(JsonOutput.Options) { WriteIndented = false };

    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var kind = new Option<string>("--kind")
        {
            Description = $"What the files hold: {string.Join(", ", IngestKinds.Names)}.",
            Required = true,
            HelpName = "KIND",
        };
        kind.AcceptOnlyFromAmong([.. IngestKinds.Names]);
        var profile = new Option<string?>("--profile")
        {
            Description = "generic (default), zendesk, freshdesk, statuspage, or the path of a mapping file (.json).",
            HelpName = "NAME|MAPPING.json",
        };
        var timezone = new Option<string?>("--timezone")
        {
            Description = "IANA time zone of naive timestamps (default: the mapping file's, else UTC).",
            HelpName = "TZ",
        };
        var strict = new Option<bool>("--strict") { Description = "Reject a file on any bad row and load nothing of it." };
        var source = new Option<string?>("--source") { Description = "Source name rows are keyed under (default: the profile's).", HelpName = "NAME" };
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV separator (default: detected among , ; tab |).", HelpName = "CHAR" };
        var progress = new Option<bool>("--progress") { Description = $"Print progress to stderr every {Ingestor.ProgressInterval:N0} rows." };
        var noRefresh = new Option<bool>("--no-refresh")
        {
            Description = "Do not bring the derived tables (SLA ledger, horizons, ...) up to date afterwards; run `supportlens refresh` later.",
        };
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "CSV, JSON or NDJSON files, optionally gzipped or in a zip of one file." };

        var ingest = new Command("ingest", "Load export files into the warehouse (one transaction and one batch per file).");
        ingest.Options.Add(kind);
        ingest.Options.Add(profile);
        ingest.Options.Add(timezone);
        ingest.Options.Add(strict);
        ingest.Options.Add(source);
        ingest.Options.Add(delimiter);
        ingest.Options.Add(progress);
        ingest.Options.Add(noRefresh);
        ingest.Options.Add(json);
        ingest.Options.Add(data);
        ingest.Options.Add(config);
        ingest.Arguments.Add(files);
        ingest.SetAction(parse =>
        {
            IngestKinds.TryParse(parse.GetValue(kind), out var ingestKind);
            var request = new IngestRequest(ingestKind)
            {
                Profile = parse.GetValue(profile),
                TimeZone = parse.GetValue(timezone),
                Strict = parse.GetValue(strict),
                Source = parse.GetValue(source),
                Delimiter = Delimiter(parse.GetValue(delimiter)),
            };
            Ingestor.Check(request);
            using var services = CliServices.Build(parse, data, config, time);
            var code = SupportLensCli.Done;
            var anyLoaded = false;
            // One session for all the files: the per-request setup is paid once, each file is still its own batch.
            using (var session = services.GetRequiredService<Ingestor>().Open(request))
            {
                foreach (var file in parse.GetValue(files)!)
                {
                    Action<long>? report = parse.GetValue(progress)
                        ? read => error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Echo.Value(file)}: {read:N0} rows read"))
                        : null;
                    var result = session.Ingest(file, report);
                    if (parse.GetValue(json))
                    {
                        output.WriteLine(JsonSerializer.Serialize(Presentation.IngestDocument.Build(result), Compact));
                    }
                    else
                    {
                        PrintSummary(output, result);
                    }
                    if (!result.Loaded)
                    {
                        // Every row rejected is a failure for a script too: the file was read, but none of it is in.
                        error.WriteLine(result.Status == IngestReport.AllRejected
                            ? $"supportlens: {result.File}: {result.Message}"
                            : $"supportlens: {result.File} rejected: {result.Message}");
                        code = SupportLensCli.Failed;
                    }
                    anyLoaded |= result.Loaded && (result.RowsInserted > 0 || result.RowsUpdated > 0);
                }
            }
            if (anyLoaded && !parse.GetValue(noRefresh))
            {
                // Text goes to stdout as usual; with --json stdout stays one object per file, so the summary goes to stderr.
                RefreshCommand.Run(services, parse.GetValue(json) ? error : output);
            }
            return code;
        });
        ingest.Subcommands.Add(BatchesCommand(output, time));
        ingest.Subcommands.Add(QuarantineCommand(output, time));
        return ingest;
    }

    /// <summary>A --limit of at least 1: a negative one would reach the SQL and come back as DuckDB's binder error.</summary>
    private static Option<int> Limit(string description, int defaultValue)
    {
        var limit = new Option<int>("--limit") { Description = description, DefaultValueFactory = _ => defaultValue };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--limit must be at least 1, not {result.GetValueOrDefault<int>()}."));
            }
        });
        return limit;
    }

    private static Command BatchesCommand(TextWriter output, TimeProvider time)
    {
        var limit = Limit("How many of the latest batches (default 50).", 50);
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("batches", "List the latest ingest batches: file, SHA-256, kind, profile, counts, duration, status.");
        command.Options.Add(limit);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            var batches = services.GetRequiredService<Ingestor>().Batches(parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { batches }, JsonOutput.Options));
                return SupportLensCli.Done;
            }
            if (batches.Count == 0)
            {
                output.WriteLine("no batches yet");
            }
            foreach (var b in batches)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{b.BatchId,6}  {b.StartedAt:yyyy-MM-dd HH:mm:ss}Z  {b.Kind,-13} {b.Profile,-12} {b.Status,-12} {b.RowsRead,10:N0} read {b.RowsLoaded,10:N0} loaded {b.RowsRejected,8:N0} rejected {b.DurationMs,7:N0} ms  {b.File}"));
            }
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command QuarantineCommand(TextWriter output, TimeProvider time)
    {
        var batch = new Argument<long>("BATCH_ID") { Description = "The batch whose rejected rows to list (see `ingest batches`)." };
        var limit = Limit("How many rows at most (default 10000).", 10_000);
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("quarantine", "List the rejected rows of a batch: line, column, value, reason.");
        command.Arguments.Add(batch);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            var id = parse.GetValue(batch);
            var rows = services.GetRequiredService<Ingestor>().Quarantined(id, parse.GetValue(limit))
                       ?? throw new CliFailure(string.Create(CultureInfo.InvariantCulture, $"there is no batch {id} (see `supportlens ingest batches`)"));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { batch_id = id, errors = rows }, JsonOutput.Options));
                return SupportLensCli.Done;
            }
            if (rows.Count == 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {id}: no rejected rows"));
            }
            foreach (var row in rows)
            {
                output.WriteLine(Describe(row));
            }
            return SupportLensCli.Done;
        });
        return command;
    }

    private static void PrintSummary(TextWriter output, IngestReport r)
    {
        var batch = r.BatchId is { } id ? string.Create(CultureInfo.InvariantCulture, $"batch {id}") : "no batch";
        output.WriteLine(r.Status switch
        {
            IngestReport.LoadedStatus => string.Create(CultureInfo.InvariantCulture,
                $"{r.File}: {r.Kind} ({r.Profile}) loaded, {batch}: {r.RowsRead:N0} read, {r.RowsLoaded:N0} loaded ({r.RowsInserted:N0} new, {r.RowsUpdated:N0} updated), {r.RowsRejected:N0} rejected{(r.RowsFiltered > 0 ? $", {r.RowsFiltered:N0} filtered out" : "")}, {r.DurationMs:N0} ms"),
            IngestReport.AllRejected => string.Create(CultureInfo.InvariantCulture,
                $"{r.File}: {r.Kind} ({r.Profile}) NOT loaded, {batch}: every row was rejected ({r.RowsRejected:N0} of {r.RowsRead:N0} read), nothing loaded"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{r.File}: {r.Kind} ({r.Profile}) rejected, {batch}: {r.Message}"),
        });
        if (r.Status == IngestReport.LoadedStatus && r.Message is { } note)
        {
            // How the file was read, e.g. not UTF-8 and read as Windows-1252.
            output.WriteLine($"  note: {note}");
        }
        foreach (var e in r.Errors.Take(ShownErrors).Where(_ => r.RowsRejected > 0))
        {
            output.WriteLine($"  {Describe(e)}");
        }
        if (r.RowsRejected > ShownErrors && r.BatchId is { } shown)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... {r.RowsRejected - ShownErrors:N0} more rejected row(s): supportlens ingest quarantine {shown}"));
        }
    }

    private static string Describe(IngestError e)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"line {e.Line}");
        if (e.Column is not null)
        {
            where += $", {e.Column}";
        }
        if (e.Value is not null)
        {
            where += $" '{e.Value.ReplaceLineEndings(" ")}'";
        }
        return $"{where}: {e.Reason}";
    }

    private static char? Delimiter(string? text) => text switch
    {
        null or "" => null,
        "\\t" or "tab" => '\t',
        { Length: 1 } => text[0],
        _ => throw new IngestUsageException($"--delimiter must be one character (or tab), not '{text}'"),
    };
}
