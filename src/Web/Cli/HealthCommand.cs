using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Retention;
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

    private static string Json(HealthBook book, ClientHealthDetail? detail, StoredHealthDays stored, SupportLensSettings settings)
    {
        var entries = detail is null ? book.Clients : [detail.Entry];
        var run = detail?.Run ?? book.Run;
        using var card = run is null ? null : JsonDocument.Parse(run.CardJson);
        var document = new
        {
            AsOf = Iso(book.AsOf),
            TimeZone = settings.ReportingTimeZone.Id,
            StoredFrom = Iso(stored.First),
            StoredTo = Iso(stored.Last),
            ActiveClients = book.Clients.Length,
            AtRisk = book.Clients.Count(c => c.Risk?.AtRisk == true),
            AverageScore = Round(book.AverageScore),
            AverageScoreTarget = settings.Targets.HealthAverageMin,
            Clients = entries.Select(e => Client(e, detail, settings.Health)),
            RiskRun = run is null ? null : new
            {
                RunAsOf = Iso(run.RunAsOf),
                AssessesTo = Iso(run.AssessesTo),
                Method = Method(run.Method),
                run.Model,
                run.ChurnEvents,
                Auc = Round(run.Auc, 4),
                Brier = Round(run.Brier, 4),
                run.Note,
            },
            ModelCard = card?.RootElement,
            Retention = new
            {
                TargetPct = settings.Targets.RetentionPct,
                // The plan's wording, "Retention Rate: >95% annually": exactly the target misses it.
                Rule = "above",
                Annual = Retention(book.Retention.Annual),
                Quarterly = Retention(book.Retention.Quarterly),
            },
        };
        return JsonSerializer.Serialize(document, JsonOutput.Options) + Environment.NewLine;
    }

    private static object Client(ClientHealthEntry e, ClientHealthDetail? detail, HealthSettings settings)
    {
        var h = e.Health;
        var c = e.Client;
        return new
        {
            ClientId = c.ClientId,
            c.Name,
            Tier = c.Tier.ToString().ToLowerInvariant(),
            c.SuccessManager,
            Renewal = c.NextRenewalOn(h.AsOf) is { } renewal ? Iso(renewal) : null,
            c.Mrr,
            h.Score,
            Band = h.Band?.ToString().ToLowerInvariant(),
            Risk = Round(e.Risk?.Probability, 4),
            AtRisk = e.Risk?.AtRisk,
            Method = e.Risk is { } risk ? Method(risk.Method) : null,
            Drivers = h.Drivers.Select(d => d.Text),
            DriverComponents = h.Drivers.Select(d => d.Component.Key()),
            RiskDrivers = e.Risk?.Drivers.Select(d => new
            {
                d.Feature,
                Weight = Math.Round(d.Weight, 4),
                d.Text,
                Meaning = detail is null ? null : HealthMeanings.OfRiskDriver(d.Feature, settings),
            }),
            Coverage = new
            {
                WeightShare = Math.Round(h.Coverage.WeightShare, 4),
                h.Coverage.ComponentsMeasured,
                Unmeasured = h.Coverage.Unmeasured.Select(u => u.Key()),
                h.Coverage.SurveyAnswers,
                h.Coverage.Tickets,
            },
            Trend = h.Trend is { } t ? new
            {
                EarlierAsOf = Iso(t.EarlierAsOf),
                t.EarlierScore,
                t.Change,
                Direction = t.Direction.ToString().ToLowerInvariant(),
            } : null,
            Components = detail is null ? null : h.Components.Select(k => new
            {
                Component = k.Component.Key(),
                k.Weight,
                Share = Math.Round(k.Share, 4),
                Figure = Round(k.Figure),
                k.Target,
                Score = Round(k.Score),
                k.Evidence,
                k.Text,
                k.NotMeasured,
                Meaning = HealthMeanings.Of(k.Component, settings),
            }),
            History = detail?.History.Select(p => new
            {
                AsOf = Iso(p.AsOf),
                p.Score,
                Band = p.Band?.ToString().ToLowerInvariant(),
                Coverage = Math.Round(p.Coverage, 4),
                Risk = Round(p.Probability, 4),
                p.AtRisk,
            }),
        };
    }

    private static object Retention(RetentionReport report) => new
    {
        report.Period.Name,
        Start = Iso(report.Period.Start),
        End = Iso(report.Period.End),
        All = Figure(report.All),
        ByTier = report.ByTier.Select(Figure),
        BySuccessManager = report.BySuccessManager.Select(Figure),
    };

    private static object Figure(RetentionFigure f) => new
    {
        f.Key,
        f.ClientsAtStart,
        f.ClientsRetained,
        ClientRetentionPct = Decisive(f.ClientTarget),
        ClientRetentionMet = f.ClientTarget.Met,
        f.MrrAtStart,
        f.MrrRetained,
        MrrRetentionPct = Decisive(f.MrrTarget),
        MrrRetentionMet = f.MrrTarget.Met,
        f.Lost,
    };

    internal static string Method(RiskMethod method) => method == RiskMethod.Model ? "model" : "health_rules";

    // A figure keeps the places that decide its target (94.999 against > 95 never prints as 95.00).
    private static double? Decisive(Analytics.Metrics.TargetCheck check) =>
        check.Actual is null ? null : double.Parse(check.Shown(2), System.Globalization.CultureInfo.InvariantCulture);

    private static double? Round(double? value, int places = 2) => value is { } v ? Math.Round(v, places) : null;
}
