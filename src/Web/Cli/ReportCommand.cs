using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Reports;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens report KIND --month YYYY-MM [--client ID] [--out DIR]`: writes the report's PDF(s) to
/// DATA/reports/&lt;month&gt;/ (or --out), records each in report_runs for the archive, and prints their paths, one per
/// line (--json: one object per report). client-health without --client writes one PDF per client active in the month,
/// with a progress line on stderr as each is written. Reads never refresh derived tables: a lagging one is noted.
/// </summary>
internal static class ReportCommand
{
    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var kind = new Argument<string>("KIND") { Description = $"The report: {string.Join(", ", ReportKinds.AllNames)}." };
        kind.AcceptOnlyFromAmong([.. ReportKinds.AllNames]);
        var month = new Option<string?>("--month") { Description = "The month to report, in the reporting time zone.", HelpName = "YYYY-MM" };
        var week = new Option<string?>("--week") { Description = "An ISO week to report instead (the weekly quality reports), Monday to Sunday.", HelpName = "YYYY-Www" };
        var client = new Option<string?>("--client") { Description = "client-health only: the one client to report (default: every active client).", HelpName = "ID" };
        var outDir = new Option<string?>("--out") { Description = "Directory for the PDFs (default: DATA/reports/YYYY-MM).", HelpName = "DIR" };
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();

        var command = new Command("report", "Write a PDF report of a month: executive, csat, nps, fcr, sla, client-health (one per client) or capacity.");
        command.Arguments.Add(kind);
        foreach (var option in new Option[] { month, week, client, outDir, json, data, config })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if ((result.GetValue(month) is null) == (result.GetValue(week) is null))
            {
                result.AddError("Give either --month YYYY-MM or --week YYYY-Www.");
            }

            if (result.GetValue(client) is not null && ReportKinds.Parse(result.GetValue(kind) ?? "") is { } k && k != ReportKind.ClientHealth)
            {
                result.AddError("--client applies to client-health only.");
            }
        });
        command.SetAction(parse =>
        {
            var reportKind = ReportKinds.Parse(parse.GetValue(kind)!)!.Value;
            using var services = CliServices.Build(parse, data, config, time);
            var renderer = services.GetRequiredService<ReportRenderer>();
            var period = parse.GetValue(month) ?? parse.GetValue(week)!;
            var clientId = parse.GetValue(client);
            try
            {
                var span = renderer.Span(period);
                if ((parse.GetValue(week) is null) != (span.Kind == SpanKind.Month))
                {
                    throw new FormatException(parse.GetValue(week) is null ? $"--month takes a month like 2026-10, not '{period}'." : $"--week takes an ISO week like 2026-W47, not '{period}'.");
                }
            }
            catch (FormatException e)
            {
                throw new CliUsageException(e.Message);
            }

            StaleNote.Warn(services, error);
            var expected = reportKind == ReportKind.ClientHealth && clientId is null ? renderer.ActiveClients(period).Count : 1;
            var count = 0;
            void Progress(RenderedReport report)
            {
                count++;
                if (expected > 1)
                {
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  [{count}/{expected}] {Path.GetFileName(report.Path)}: {report.Pages} pages, {report.Bytes / 1024.0:N0} KB"));
                }
            }

            IReadOnlyList<RenderedReport> written;
            try
            {
                written = renderer.Render(reportKind, period, clientId, parse.GetValue(outDir), Progress);
            }
            catch (ArgumentException e) when (e.ParamName == "clientId")
            {
                throw new CliUsageException($"--client {clientId}: no such client in the clients table.");
            }
            catch (ArgumentException e) when (e.ParamName == "period")
            {
                var reason = e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var cut and >= 0 ? e.Message[..cut] : e.Message;
                throw new CliUsageException(reason + ".");
            }
            catch (ReportRenderException e)
            {
                Print(output, written: e.Written, parse.GetValue(json));
                throw new CliFailure(e.Message, e);
            }

            Print(output, written, parse.GetValue(json));
            if (written.Count == 0)
            {
                error.WriteLine($"supportlens: no client was active in {period}: no client-health report written.");
            }

            return SupportLensCli.Done;
        });
        return command;
    }

    private static void Print(TextWriter output, IReadOnlyList<RenderedReport> written, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(
                written.Select(r => new { Report = r.Kind.Name(), r.Period, r.ClientId, r.Path, r.Pages, r.Bytes }),
                JsonOutput.Options));
            return;
        }

        foreach (var report in written)
        {
            output.WriteLine(report.Path);
        }
    }
}
