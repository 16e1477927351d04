using System.Globalization;
using System.Text;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Risk;

namespace SupportLens.Web.Cli;

/// <summary>`supportlens health` as a success manager reads it: the book most at risk first, or one client's detail.</summary>
internal static class HealthText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Render(HealthBook book, ClientHealthDetail? detail, StoredHealthDays stored, SupportLensSettings settings)
    {
        var text = new StringBuilder();
        if (detail is not null)
        {
            Detail(text, detail, settings);
            return Trimmed(text);
        }
        var atRisk = book.Clients.Count(c => c.Risk?.AtRisk == true);
        text.AppendLine(Invariant, $"Client health on {HealthCommand.Iso(book.AsOf)} ({settings.ReportingTimeZone.Id}): {book.Clients.Length} active clients, {atRisk} at risk; " +
            $"average score {Number(book.AverageScore)} (target > {settings.Targets.HealthAverageMin:0.##})");
        text.AppendLine(Invariant, $"Scores are stored for {HealthCommand.Iso(stored.First)} to {HealthCommand.Iso(stored.Last)}; --as-of DATE shows another day.");
        text.AppendLine(RunLine(book.Run));
        text.AppendLine();
        // The id column fits the longest id: it is what `--client` takes (a Freshdesk company id has 11 digits).
        var idWidth = book.Clients.Select(c => c.Client.ClientId.Length).Append(9).Max();
        text.AppendLine($"{"client".PadRight(idWidth)} name                       tier           score       trend  risk             success manager     renewal     what pulls it down most");
        foreach (var e in book.Clients)
        {
            var h = e.Health;
            text.AppendLine(Invariant,
                $"{e.Client.ClientId.PadRight(idWidth)} {Clip(e.Client.Name ?? "", 26),-26} {Tier(e.Client),-13} {Score(h.Score, h.Band),-10} {Trend(h),6}  {Risk(e.Risk),-15}  {Clip(e.Client.SuccessManager ?? "–", 18),-18}  {Renewal(e),-10}  {(h.Drivers.IsEmpty ? "–" : h.Drivers[0].Text)}");
        }
        text.AppendLine();
        Retention(text, book.Retention, settings);
        text.AppendLine();
        text.AppendLine($"Next: supportlens health --client {book.Clients.FirstOrDefault()?.Client.ClientId ?? "ID"}   (one client's detail and what each driver means; --json for scripts)");
        return Trimmed(text);
    }

    // Padded columns leave spaces at the ends of lines; nobody wants them in a file or a diff.
    private static string Trimmed(StringBuilder text) =>
        string.Concat(text.ToString().Split('\n').Select((line, i) => (i == 0 ? "" : "\n") + line.TrimEnd()));

    private static void Detail(StringBuilder text, ClientHealthDetail detail, SupportLensSettings settings)
    {
        var (client, h, risk) = (detail.Entry.Client, detail.Entry.Health, detail.Entry.Risk);
        var facts = new List<string> { $"{Tier(client)} tier" };
        facts.Add($"success manager {client.SuccessManager ?? "none"}");
        if (client.NextRenewalOn(h.AsOf) is { } renewal)
        {
            facts.Add($"renewal {HealthCommand.Iso(renewal)}");
        }
        if (client.Mrr is { } mrr)
        {
            facts.Add(string.Create(Invariant, $"MRR {mrr:N2}"));
        }
        text.AppendLine($"{client.ClientId} {client.Name}: {string.Join(", ", facts)}");
        var trend = h.Trend is { } t
            ? string.Create(Invariant, $", {(t.Change < 0 ? "down" : t.Change > 0 ? "up" : "unchanged")} {(t.Change == 0 ? "" : $"{Math.Abs(t.Change)} ")}from {t.EarlierScore} on {HealthCommand.Iso(t.EarlierAsOf)} ({t.Direction.ToString().ToLowerInvariant()})")
            : "";
        text.AppendLine(Invariant, $"Health on {HealthCommand.Iso(h.AsOf)} ({settings.ReportingTimeZone.Id}): {Score(h.Score, h.Band)}{trend}");
        var unmeasured = h.Components.Where(c => !c.IsMeasured).Select(c => $"{c.Component.Key()} ({c.NotMeasured})").ToList();
        text.AppendLine(string.Create(Invariant, $"Data behind it: {h.Coverage.WeightShare * 100:0} % of the weight; {h.Coverage.SurveyAnswers} survey answers, {h.Coverage.Tickets} tickets") +
            (unmeasured.Count == 0 ? "" : "; not measured: " + string.Join(", ", unmeasured)));
        text.AppendLine(risk switch
        {
            null => "Risk: not assessed",
            { Method: RiskMethod.Model } r => string.Create(Invariant,
                $"Risk: {(r.AtRisk ? "AT RISK, " : "")}{r.Probability * 100:0} % probability of leaving within {settings.Risk.HorizonDays} days " +
                $"(flagged from {settings.Risk.AtRiskProbability * 100:0} %)"),
            { AtRisk: true } => "Risk: AT RISK under health rules (red, health falling fast against the rest of the book, or below green near its renewal)",
            _ => "Risk: not flagged by health rules",
        });
        text.AppendLine(RunLine(detail.Run));
        text.AppendLine();

        text.AppendLine("What pulls the score down");
        if (h.Drivers.IsEmpty)
        {
            text.AppendLine(h.Score is null ? "  – (too little data for a score)" : "  nothing costs it much: every measured component is near its target");
        }
        for (var i = 0; i < h.Drivers.Length; i++)
        {
            var d = h.Drivers[i];
            text.AppendLine(Invariant, $"  {i + 1}. {d.Text} (costs {d.PointsLost:0.#} points)");
            text.AppendLine(Invariant, $"     {HealthMeanings.Title(d.Component.Key())}: {HealthMeanings.Of(d.Component, settings.Health)}.");
        }
        // Under health rules the risk drivers are the health drivers above, with the renewal first when it is a reason.
        if (risk is { Drivers.IsEmpty: false }
            && (risk.Method == RiskMethod.Model || !risk.Drivers.Select(d => d.Text).SequenceEqual(h.Drivers.Select(d => d.Text))))
        {
            text.AppendLine();
            text.AppendLine(risk.Method == RiskMethod.Model
                ? "What pushes the churn risk up (the model's largest contributions)"
                : "What the health rules flag it for");
            for (var i = 0; i < risk.Drivers.Length; i++)
            {
                var d = risk.Drivers[i];
                text.AppendLine(Invariant, $"  {i + 1}. {d.Text}");
                text.AppendLine(Invariant, $"     {HealthMeanings.Title(d.Feature)}: {HealthMeanings.OfRiskDriver(d.Feature, settings.Health)}.");
            }
        }

        text.AppendLine();
        text.AppendLine("Components (score 0–100; share = part of the score after leaving out what has no data)");
        text.AppendLine("component            weight  share   figure   target   score  evidence  reading");
        foreach (var c in h.Components)
        {
            text.AppendLine(Invariant,
                $"{c.Component.Key(),-20} {c.Weight,6:0.##} {c.Share * 100,5:0} %  {Number(c.Figure),7}  {Number(c.Target),7}  {Number(c.Score),6}  {c.Evidence,8}  {c.Text ?? "not measured: " + c.NotMeasured}");
        }

        text.AppendLine();
        var history = detail.History;
        var shown = history.Where((p, i) => (history.Length - 1 - i) % 7 == 0).TakeLast(13).ToList();
        text.AppendLine(Invariant, $"History (every 7th day of {history.Length} stored; --json has every day)");
        foreach (var p in shown)
        {
            var flag = p.AtRisk == true ? "AT RISK" : "";
            var probability = p.Probability is { } q ? string.Create(Invariant, $"{q * 100:0} %") : "";
            text.AppendLine(Invariant, $"  {HealthCommand.Iso(p.AsOf)}  {Score(p.Score, p.Band),-10}  {probability,5}  {flag}");
        }
    }

    private static string RunLine(RiskRunSummary? run) => run switch
    {
        null => "Risk: no risk run covers this day; run `supportlens refresh`.",
        { Method: RiskMethod.Model } r => string.Create(Invariant,
            $"Risk model: {ModelName(r.Model)}, trained on what was known on {HealthCommand.Iso(r.RunAsOf)} ({r.ChurnEvents} churn events; " +
            $"time-ordered cross-validation AUC {Number(r.Auc, "0.000")}, Brier {Number(r.Brier, "0.000")})"),
        _ => $"Risk flags from health rules, not a model: {run.Note}",
    };

    private static string ModelName(string? model) => model switch
    {
        "logistic_regression" => "logistic regression",
        "light_gbm" => "LightGBM",
        "fast_tree" => "FastTree",
        _ => model ?? "–",
    };

    private static void Retention(StringBuilder text, HealthRetention retention, SupportLensSettings settings)
    {
        text.AppendLine(Invariant, $"Retention against the plan's target, above {settings.Targets.RetentionPct:0.##} % (\"retention > 95 %\": exactly the target misses)");
        text.AppendLine("period                     group                 clients              MRR");
        foreach (var report in new[] { retention.Annual, retention.Quarterly })
        {
            var groups = new[] { report.All }.Concat(report.ByTier).Concat(report.BySuccessManager);
            foreach (var f in groups)
            {
                text.AppendLine(string.Create(Invariant,
                    $"{Clip(report.Period.Name, 26),-26} {Clip(f.Key, 20),-20}  {f.ClientsRetained,3}/{f.ClientsAtStart,-3} {Pct(f.ClientTarget),-16}  {Pct(f.MrrTarget),-16}") +
                    (f.Lost.IsEmpty ? "" : $"  lost {string.Join(", ", f.Lost)}"));
            }
        }
    }

    private static string Pct(TargetCheck check) => check.Actual is null
        ? TargetCheck.NotMeasured
        : $"{check.Shown()} %{(check.Met == true ? "" : " MISSED")}";

    private static string Tier(ClientAccount client) => client.Tier.ToString().ToLowerInvariant();

    private static string Score(int? score, HealthBand? band) =>
        score is { } s ? string.Create(Invariant, $"{s} {band!.Value.ToString().ToLowerInvariant()}") : "– (no score)";

    private static string Trend(HealthScore h) => h.Trend is { } t ? (t.Change > 0 ? "+" : t.Change < 0 ? "\u2212" : "±") + Math.Abs(t.Change).ToString(Invariant) : "–";

    private static string Risk(ClientRisk? risk) => risk switch
    {
        null => "–",
        { AtRisk: true, Probability: { } p } => string.Create(Invariant, $"AT RISK {p * 100:0} %"),
        { AtRisk: true } => "AT RISK (rules)",
        { Probability: { } p } => string.Create(Invariant, $"{p * 100:0} %"),
        _ => "ok (rules)",
    };

    private static string Renewal(ClientHealthEntry e) =>
        e.Client.NextRenewalOn(e.Health.AsOf) is { } day ? HealthCommand.Iso(day) : "–";

    private static string Number(double? value, string format = "0.#") => value is { } v ? v.ToString(format, Invariant) : TargetCheck.NotMeasured;

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
