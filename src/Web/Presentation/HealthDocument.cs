using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Risk;

namespace SupportLens.Web.Presentation;

/// <summary>
/// What `health --json` prints and <c>GET /api/health</c> answers: the book on a day (or one client's detail, with
/// components, meanings and daily history), the risk run behind the flags, and retention. One record for both, so the
/// field names cannot drift apart; written in snake_case.
/// </summary>
internal sealed record HealthDocument(
    string AsOf,
    string TimeZone,
    string StoredFrom,
    string StoredTo,
    int ActiveClients,
    int AtRisk,
    double? AverageScore,
    double AverageScoreTarget,
    IReadOnlyList<HealthClientDocument> Clients,
    RiskRunDocument? RiskRun,
    JsonElement? ModelCard,
    HealthRetentionDocument Retention)
{
    /// <summary>The whole book, or one client's detail, as the CLI prints it.</summary>
    internal static HealthDocument Build(HealthBook book, ClientHealthDetail? detail, StoredHealthDays stored, SupportLensSettings settings) =>
        Build(book.AsOf, book.Clients, detail is null ? book.Clients : [detail.Entry], detail, detail?.Run ?? book.Run, book.Retention, stored, settings);

    /// <param name="book">The clients the counts and the average are taken over (a viewer's book, a filter).</param>
    /// <param name="shown">The clients listed.</param>
    internal static HealthDocument Build(
        LocalDate asOf, IReadOnlyList<ClientHealthEntry> book, IReadOnlyList<ClientHealthEntry> shown, ClientHealthDetail? detail,
        RiskRunSummary? run, HealthRetention retention, StoredHealthDays stored, SupportLensSettings settings)
    {
        JsonElement? card = null;
        if (run is not null)
        {
            // Cloned: the document outlives the parse (the web host caches it).
            using var parsed = JsonDocument.Parse(run.CardJson);
            card = parsed.RootElement.Clone();
        }
        var scores = book.Where(c => c.Health.Score is not null).Select(c => (double)c.Health.Score!.Value).ToList();
        return new HealthDocument(
            Iso(asOf),
            settings.ReportingTimeZone.Id,
            Iso(stored.First),
            Iso(stored.Last),
            book.Count,
            book.Count(c => c.Risk?.AtRisk == true),
            Round(scores.Count == 0 ? null : scores.Average()),
            settings.Targets.HealthAverageMin,
            [.. shown.Select(e => HealthClientDocument.Build(e, detail, settings.Health))],
            run is null ? null : new RiskRunDocument(
                Iso(run.RunAsOf), Iso(run.AssessesTo), Method(run.Method), run.Model, run.ChurnEvents, Round(run.Auc, 4), Round(run.Brier, 4), run.Note),
            card,
            new HealthRetentionDocument(
                settings.Targets.RetentionPct,
                // The plan's wording, "Retention Rate: >95% annually": exactly the target misses it.
                "above",
                RetentionDocument.Build(retention.Annual),
                RetentionDocument.Build(retention.Quarterly)));
    }

    internal static string Iso(LocalDate day) => LocalDatePattern.Iso.Format(day);

    internal static string Method(RiskMethod method) => method == RiskMethod.Model ? "model" : "health_rules";

    internal static double? Round(double? value, int places = 2) => value is { } v ? Math.Round(v, places) : null;

    // A figure keeps the places that decide its target (94.999 against > 95 never prints as 95.00).
    internal static double? Decisive(Analytics.Metrics.TargetCheck check) =>
        check.Actual is null ? null : double.Parse(check.Shown(2), CultureInfo.InvariantCulture);
}

/// <summary>One client on the day: score, band, risk, drivers, coverage, trend; with the detail, components and history.</summary>
internal sealed record HealthClientDocument(
    string ClientId,
    string? Name,
    string Tier,
    string? SuccessManager,
    string? Renewal,
    decimal? Mrr,
    int? Score,
    string? Band,
    double? Risk,
    bool? AtRisk,
    string? Method,
    IReadOnlyList<string> Drivers,
    IReadOnlyList<string> DriverComponents,
    IReadOnlyList<RiskDriverDocument>? RiskDrivers,
    HealthCoverageDocument Coverage,
    HealthTrendDocument? Trend,
    IReadOnlyList<HealthComponentDocument>? Components,
    IReadOnlyList<HealthHistoryDocument>? History)
{
    internal static HealthClientDocument Build(ClientHealthEntry e, ClientHealthDetail? detail, HealthSettings settings)
    {
        var h = e.Health;
        var c = e.Client;
        return new HealthClientDocument(
            c.ClientId,
            c.Name,
            c.Tier.ToString().ToLowerInvariant(),
            c.SuccessManager,
            c.NextRenewalOn(h.AsOf) is { } renewal ? HealthDocument.Iso(renewal) : null,
            c.Mrr,
            h.Score,
            h.Band?.ToString().ToLowerInvariant(),
            HealthDocument.Round(e.Risk?.Probability, 4),
            e.Risk?.AtRisk,
            e.Risk is { } risk ? HealthDocument.Method(risk.Method) : null,
            [.. h.Drivers.Select(d => d.Text)],
            [.. h.Drivers.Select(d => d.Component.Key())],
            e.Risk is null ? null : [.. e.Risk.Drivers.Select(d => new RiskDriverDocument(
                d.Feature, Math.Round(d.Weight, 4), d.Text, detail is null ? null : HealthMeanings.OfRiskDriver(d.Feature, settings)))],
            new HealthCoverageDocument(
                Math.Round(h.Coverage.WeightShare, 4), h.Coverage.ComponentsMeasured, [.. h.Coverage.Unmeasured.Select(u => u.Key())],
                h.Coverage.SurveyAnswers, h.Coverage.Tickets),
            h.Trend is { } t ? new HealthTrendDocument(HealthDocument.Iso(t.EarlierAsOf), t.EarlierScore, t.Change, t.Direction.ToString().ToLowerInvariant()) : null,
            detail is null ? null : [.. h.Components.Select(k => new HealthComponentDocument(
                k.Component.Key(), k.Weight, Math.Round(k.Share, 4), HealthDocument.Round(k.Figure), k.Target, HealthDocument.Round(k.Score),
                k.Evidence, k.Text, k.NotMeasured, HealthMeanings.Of(k.Component, settings)))],
            detail is null ? null : [.. detail.History.Select(p => new HealthHistoryDocument(
                HealthDocument.Iso(p.AsOf), p.Score, p.Band?.ToString().ToLowerInvariant(), Math.Round(p.Coverage, 4),
                HealthDocument.Round(p.Probability, 4), p.AtRisk))]);
    }
}

/// <summary>A contribution to the churn risk, in words; <see cref="Meaning"/> in a client's detail only.</summary>
internal sealed record RiskDriverDocument(string Feature, double Weight, string Text, string? Meaning);

/// <summary>How much data stood behind the score.</summary>
internal sealed record HealthCoverageDocument(double WeightShare, int ComponentsMeasured, IReadOnlyList<string> Unmeasured, long SurveyAnswers, long Tickets);

/// <summary>The score against the one some days earlier.</summary>
internal sealed record HealthTrendDocument(string EarlierAsOf, int EarlierScore, int Change, string Direction);

/// <summary>One component of the score with what it means.</summary>
internal sealed record HealthComponentDocument(
    string Component, double Weight, double Share, double? Figure, double? Target, double? Score, long Evidence, string? Text, string? NotMeasured,
    string Meaning);

/// <summary>One stored day of a client's history.</summary>
internal sealed record HealthHistoryDocument(string AsOf, int? Score, string? Band, double Coverage, double? Risk, bool? AtRisk);

/// <summary>The risk run that assessed the day.</summary>
internal sealed record RiskRunDocument(
    string RunAsOf, string AssessesTo, string Method, string? Model, int ChurnEvents, double? Auc, double? Brier, string Note);

/// <summary>Retention against the plan's target over the trailing year and quarter.</summary>
internal sealed record HealthRetentionDocument(double TargetPct, string Rule, RetentionDocument Annual, RetentionDocument Quarterly);

/// <summary>A retention period: all clients, by tier, by success manager.</summary>
internal sealed record RetentionDocument(
    string Name, string Start, string End, RetentionFigureDocument All, IReadOnlyList<RetentionFigureDocument> ByTier,
    IReadOnlyList<RetentionFigureDocument> BySuccessManager)
{
    internal static RetentionDocument Build(RetentionReport report) => new(
        report.Period.Name, HealthDocument.Iso(report.Period.Start), HealthDocument.Iso(report.Period.End), RetentionFigureDocument.Build(report.All),
        [.. report.ByTier.Select(RetentionFigureDocument.Build)], [.. report.BySuccessManager.Select(RetentionFigureDocument.Build)]);
}

/// <summary>Clients and MRR kept of those at the period's start.</summary>
internal sealed record RetentionFigureDocument(
    string Key, int ClientsAtStart, int ClientsRetained, double? ClientRetentionPct, bool? ClientRetentionMet, decimal MrrAtStart,
    decimal MrrRetained, double? MrrRetentionPct, bool? MrrRetentionMet, IReadOnlyList<string> Lost)
{
    internal static RetentionFigureDocument Build(RetentionFigure f) => new(
        f.Key, f.ClientsAtStart, f.ClientsRetained, HealthDocument.Decisive(f.ClientTarget), f.ClientTarget.Met, f.MrrAtStart, f.MrrRetained,
        HealthDocument.Decisive(f.MrrTarget), f.MrrTarget.Met, [.. f.Lost]);
}
