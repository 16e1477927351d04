using System.CommandLine;

namespace SupportLens.Web.Cli;

/// <summary>
/// The `supportlens` command line (DESIGN.md §7). Exit codes: 0 done, 1 failed (message on stderr), 2 bad usage.
/// </summary>
internal static class SupportLensCli
{
    internal const int Done = 0;
    internal const int Failed = 1;
    internal const int BadUsage = 2;

    internal static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time, TextReader? input = null)
    {
        input ??= Console.In;
        var root = new RootCommand("SupportLens: support analytics and QA reporting (CSAT, NPS, FCR, SLA, forecasts, client health).");
        root.Subcommands.Add(DemoCommand.Create(output, error, time));
        root.Subcommands.Add(DbCommand.Create(output, time));
        root.Subcommands.Add(IngestCommand.Create(output, error, time));
        root.Subcommands.Add(JobsCommand.Create(output, time));
        root.Subcommands.Add(MetricsCommand.Create(output, error, time));
        root.Subcommands.Add(ForecastCommand.Create(output, error, time));
        root.Subcommands.Add(CapacityCommand.Create(output, error, time));
        root.Subcommands.Add(HealthCommand.Create(output, error, time));
        root.Subcommands.Add(RefreshCommand.Create(output, time));
        root.Subcommands.Add(ReportCommand.Create(output, error, time));
        root.Subcommands.Add(SampleDataCommand.Create(output));
        root.Subcommands.Add(ServeCommand.Create(output, time));
        root.Subcommands.Add(UsersCommand.Create(output, input, time));
        root.Subcommands.Add(TokensCommand.Create(output, time));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine(problem.Message);
            }
            error.WriteLine("Run 'supportlens --help' for usage.");
            return BadUsage;
        }
        try
        {
            // Our own handlers below turn failures into one line and the right exit code; the default one would print a stack trace.
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException usage)
        {
            error.WriteLine($"supportlens: {usage.Message}");
            return BadUsage;
        }
        catch (CliFailure failure)
        {
            error.WriteLine($"supportlens: {failure.Message}");
            return Failed;
        }
        catch (SupportLens.Ingest.IngestUsageException usage)
        {
            error.WriteLine($"supportlens: {usage.Message}");
            return BadUsage;
        }
        catch (Exception e) when (e is Storage.WarehouseUnavailableException or Storage.Schema.SchemaVersionException
                                      or Analytics.Configuration.SettingsException or Storage.Sql.WarehouseException
                                      or Jobs.Hosting.JobStorageUnavailableException)
        {
            // The data directory or the configuration cannot be used: the message names the path and what to do.
            error.WriteLine($"supportlens: {e.Message}");
            return Failed;
        }
        catch (Exception e)
        {
            // A defect, not a usage problem: one line saying what failed and where in our code, exit 1 as every failure
            // does (an unhandled exception would abort the process with a stack trace and exit 134).
            error.WriteLine($"supportlens: internal error: {e.GetType().Name}: {e.Message}{Where(e)}; please report it with the command that failed");
            return Failed;
        }
    }

    /// <summary>" in Type.Method", the innermost frame of SupportLens's own code the exception passed through.</summary>
    private static string Where(Exception e)
    {
        var frame = new System.Diagnostics.StackTrace(e, fNeedFileInfo: false).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("SupportLens", StringComparison.Ordinal) == true);
        var method = frame?.GetMethod();
        return method?.DeclaringType is { } type ? $" in {type.Name}.{method.Name}" : "";
    }
}

/// <summary>Arguments that parse but make no sense (a month like 2026-13): exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>A failure to report to the user in one line, without a stack trace.</summary>
internal sealed class CliFailure(string message, Exception? inner = null) : Exception(message, inner);
