using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens health`: every active client's health and churn risk on a day, most at risk first, with retention; with
/// --client one client's detail (components, drivers and what they mean, daily history). Reads what refresh stored.
/// </summary>
internal static class HealthCommand
{
    internal static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var config = CommonOptions.Config();
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The day to show, in the reporting time zone (default: the last stored day, the data horizon's).",
            HelpName = "DATE",
        };
        var client = new Option<string?>("--client") { Description = "One client's detail: components, drivers, history.", HelpName = "ID" };
        var command = new Command("health", "Client health scores and churn risk of the active clients on a day, most at risk first, with retention.");
        foreach (var option in new Option[] { asOf, client, json, data, config })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            LocalDate? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text.Trim());
                day = parsed.Success ? parsed.Value : throw new CliUsageException($"--as-of '{text}' is not a date like 2026-10-31");
            }
            using var services = CliServices.Build(parse, data, config, time);
            StaleNote.Warn(services, error);
            var settings = services.GetRequiredService<SupportLensSettings>();
            var service = services.GetRequiredService<ClientHealthService>();
            var stored = service.StoredDays()
                ?? throw new CliFailure("No health scores are stored yet: load data and run `supportlens refresh` (ingest and demo run it).");
            var shown = day ?? stored.Last;
            if (shown < stored.First || shown > stored.Last)
            {
                var side = shown < stored.First ? "before the first" : "after the last";
                throw new CliFailure($"No health scores for {Iso(shown)}: it is {side} stored day; scores run from {Iso(stored.First)} to " +
                    $"{Iso(stored.Last)} (the data horizon's day). Load newer data and run `supportlens refresh` to extend them.");
            }
            var book = service.Book(shown);
            ClientHealthDetail? detail = null;
            if (parse.GetValue(client) is { } id)
            {
                detail = service.Client(id, shown)
                    ?? throw new CliFailure(NotScored(services.GetRequiredService<ClientDirectory>().Find(id), id, shown, stored));
            }
            output.Write(parse.GetValue(json)
                ? Json(book, detail, stored, settings)
                : HealthText.Render(book, detail, stored, settings));
            return SupportLensCli.Done;
        });
        return command;
    }

    internal static string Iso(LocalDate day) => LocalDatePattern.Iso.Format(day);

    /// <summary>Why a client has no score on the day, by name, and the day that has one (a churned client's last).</summary>
    private static string NotScored(ClientInfo? client, string id, LocalDate day, StoredHealthDays stored)
    {
        var none = $"Client {id} has no health score on {Iso(day)}";
        if (client is null)
        {
            return $"{none}: it is not in the clients table (load it with `supportlens ingest --kind clients`).";
        }
        var named = $"Client {id} ({client.Name})";
        if (client.ChurnedOn is { } churned && LocalDate.FromDateOnly(churned) <= day)
        {
            var last = LocalDate.FromDateOnly(churned).PlusDays(-1);
            var hint = last >= stored.First ? $"; its last active day was {Iso(last)}: supportlens health --client {id} --as-of {Iso(last)}" : "";
            return $"{named} churned on {Iso(LocalDate.FromDateOnly(churned))} and has no health score on {Iso(day)}{hint}.";
        }
        if (client.ContractStart is { } start && LocalDate.FromDateOnly(start) > day)
        {
            return $"{named} became a client on {Iso(LocalDate.FromDateOnly(start))} and has no health score on {Iso(day)}.";
        }
        return $"{none}: too little data to score it that day.";
    }

    private static string Json(HealthBook book, ClientHealthDetail? detail, StoredHealthDays stored, SupportLensSettings settings) =>
        JsonSerializer.Serialize(Presentation.HealthDocument.Build(book, detail, stored, settings), JsonOutput.Options) + Environment.NewLine;

    internal static string Method(RiskMethod method) => method == RiskMethod.Model ? "model" : "health_rules";
}
