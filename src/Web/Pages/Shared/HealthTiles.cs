using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Shared;

/// <summary>Health figures as the pages write them, in the words and with the rounding of `supportlens health`.</summary>
internal static class HealthTiles
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static IReadOnlyList<KpiTile> Book(HealthDocument doc)
    {
        var annual = doc.Retention.Annual.All;
        return
        [
            new("Active clients", Figures.Count(doc.ActiveClients), null, $"on {doc.AsOf}", null, ""),
            new("At risk", Figures.Count(doc.AtRisk), null, doc.RiskRun is { Method: "model" } ? "flagged by the churn model" : "flagged by health rules", null,
                doc.AtRisk > 0 ? "missed" : ""),
            new("Average health", Figures.Number(doc.AverageScore), null, "of the clients with a score",
                string.Create(Invariant, $"> {doc.AverageScoreTarget:0.##}"), doc.AverageScore is { } a ? Figures.Verdict(a > doc.AverageScoreTarget) : ""),
            new("Client retention", Figures.Number(annual.ClientRetentionPct, 2), annual.ClientRetentionPct is null ? null : "%",
                $"{annual.ClientsRetained} of {annual.ClientsAtStart} kept, 12 months", string.Create(Invariant, $"> {doc.Retention.TargetPct:0.##} %"),
                Figures.Verdict(annual.ClientRetentionMet)),
            new("MRR retention", Figures.Number(annual.MrrRetentionPct, 2), annual.MrrRetentionPct is null ? null : "%", "12 months",
                string.Create(Invariant, $"> {doc.Retention.TargetPct:0.##} %"), Figures.Verdict(annual.MrrRetentionMet)),
        ];
    }

    /// <summary>Which risk run stands behind the flags, as the CLI says it.</summary>
    internal static string RunLine(RiskRunDocument run) => run.Method == "model"
        ? string.Create(Invariant, $"Churn risk from a {ModelName(run.Model)} model trained on what was known on {run.RunAsOf} ({run.ChurnEvents} churn events; time-ordered cross-validation AUC {Figures.Number(run.Auc, 3)}, Brier {Figures.Number(run.Brier, 3)}).")
        : $"Risk flags from health rules, not a model: {run.Note}";

    internal static string ModelName(string? model) => model switch
    {
        "logistic_regression" => "logistic regression",
        "light_gbm" => "LightGBM",
        "fast_tree" => "FastTree",
        _ => model ?? "–",
    };

    /// <summary>"82" with its band as a coloured chip; "–" when not scored.</summary>
    internal static IHtmlContent Score(int? score, string? band) => score is { } s
        ? new HtmlString(string.Create(Invariant, $"<span class=\"band {HtmlEncoder.Default.Encode(band ?? "")}\" title=\"{HtmlEncoder.Default.Encode(band ?? "")}\">{s}</span>"))
        : new HtmlString("<span title=\"too little data for a score\">–</span>");

    internal static string Trend(HealthTrendDocument? trend) => trend is { } t
        ? (t.Change > 0 ? "+" : t.Change < 0 ? "\u2212" : "±") + Math.Abs(t.Change).ToString(Invariant)
        : "–";

    internal static string Risk(double? probability, bool? atRisk, string? method) => (probability, atRisk) switch
    {
        (null, null) => "–",
        ({ } p, true) => string.Create(Invariant, $"AT RISK {p * 100:0} %"),
        (null, true) => "AT RISK (rules)",
        ({ } p, _) => string.Create(Invariant, $"{p * 100:0} %"),
        _ => method == "health_rules" ? "ok (rules)" : "–",
    };
}
