using System.Globalization;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Forecasting.M4;

namespace SupportLens.Web.Cli;

/// <summary>The forecast verbs' text and JSON (DESIGN.md §7 shapes, extended but never renamed).</summary>
internal static class ForecastOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The run with each series cut to the first <paramref name="days"/> days (weekly: ⌈days / 7⌉ weeks).</summary>
    internal static StoredForecastRun Cut(StoredForecastRun run, int? days)
    {
        if (days is not { } d || d >= run.HorizonDays)
        {
            return run;
        }

        var periods = run.Frequency == SeriesFrequency.Daily ? d : (d + 6) / 7;
        return run with { Horizon = periods, Series = [.. run.Series.Select(s => s with { Points = [.. s.Points.Take(periods)] })] };
    }

    internal static string Text(StoredForecastRun run, DateTimeZone zone, bool detailed)
    {
        var daily = run.Frequency == SeriesFrequency.Daily;
        var unit = daily ? "days" : "weeks";
        var text = new StringBuilder();
        var first = run.FirstDate;
        var lastPoint = run.Series.SelectMany(s => s.Points).Select(p => (LocalDate?)p.Date).Max();
        text.AppendLine(Invariant, $"Volume forecast ({(daily ? "daily" : "weekly, ISO weeks Monday to Sunday")}), run {run.RunId}, generated {run.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"History through {Date(run.HistoryThrough)} (days cut in {zone.Id}); {run.Horizon} {unit} ahead{(first is null ? string.Empty : $", {Date(first.Value)} to {Date(lastPoint!.Value)}")}");
        text.AppendLine(Invariant, $"Counted from: {run.Sources}");
        text.AppendLine(run.Coverage.Coverage80 is null
            ? "Intervals: coverage not measured (too little history to hold any back)"
            : string.Create(Invariant, $"Intervals: of {run.Coverage.Points:N0} held-out {unit}, {run.Coverage.Coverage80:P1} fell inside the 80 % interval and {run.Coverage.Coverage95:P1} inside the 95 % one"));
        text.AppendLine();

        var (near, middle) = daily ? (7, 28) : (1, 4);
        var nearLabel = daily ? "next 7 days" : "next week";
        var middleLabel = daily ? "next 28 days" : "next 4 weeks";
        var allLabel = $"all {run.Horizon} {unit}";
        text.AppendLine(Invariant, $"{"series",-22} {"model",-20} {"MASE",6} {"naive",6} {nearLabel,12} {middleLabel,13} {allLabel,13}");
        foreach (var s in run.Series)
        {
            text.AppendLine(Invariant,
                $"{Clip(s.Key, 22),-22} {Clip(s.Model, 20),-20} {Figure(s.BacktestMase, "F2"),6} {Figure(s.SeasonalNaiveMase, "F2"),6} {Sum(s, near),12} {Sum(s, middle),13} {Sum(s, s.Points.Count),13}");
        }
        text.AppendLine();
        text.AppendLine("MASE: the chosen model's mean absolute scaled error over the backtest origins; naive: the seasonal naive");
        text.AppendLine("forecast's over the same origins (repeat last week, or last year for weekly series); lower is better, \"–\" = too");
        text.AppendLine("little history to backtest. Sums are of point forecasts (\"–\": beyond what is shown); the intervals below are per");
        text.AppendLine(daily ? "day." : "week.");

        foreach (var s in detailed ? run.Series : run.Series.Take(1))
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"{s.Key} ({s.Model})");
            text.AppendLine(Invariant, $"  {(daily ? "day" : "week of"),-15} {"forecast",9}   {"80 % interval",-19} 95 % interval");
            foreach (var p in s.Points)
            {
                var day = daily ? $"{Date(p.Date)} {p.Date.DayOfWeek.ToString()[..3]}" : Date(p.Date);
                text.AppendLine(string.Create(Invariant, $"  {day,-15} {p.Value,9:N1}   {Range(p.Lo80, p.Hi80),-19} {Range(p.Lo95, p.Hi95)}").TrimEnd());
            }
        }

        return text.ToString();
    }

    internal static object EvaluationJson(M4EvaluationResult result, IReadOnlyList<PublishedScore> published) => new
    {
        result.Series,
        result.Horizon,
        Smape = Math.Round(result.Smape, 3),
        Mase = Math.Round(result.Mase, 3),
        Owa = Math.Round(result.Owa, 3),
        Naive2 = new { Smape = Math.Round(result.Naive2.Smape, 3), Mase = Math.Round(result.Naive2.Mase, 3) },
        Models = result.Models,
        Coverage = new
        {
            Test80Pct = Percent(result.Coverage.Test80),
            Test95Pct = Percent(result.Coverage.Test95),
            Holdout80Pct = Percent(result.Coverage.Holdout80),
            Holdout95Pct = Percent(result.Coverage.Holdout95),
        },
        Candidates = result.Candidates.ToDictionary(c => c.Key, c => new
        {
            Smape = Math.Round(c.Value.Smape, 3),
            Mase = Math.Round(c.Value.Mase, 3),
            Owa = Math.Round(c.Value.Owa, 3),
        }),
        Published = published.Select(p => new { p.Method, p.Smape, p.Mase, p.Owa }),
    };

    internal static string EvaluationText(M4EvaluationResult result, IReadOnlyList<PublishedScore> published)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"M4 Weekly: {result.Series} series, horizon {result.Horizon} weeks; each series' model chosen by rolling-origin backtest");
        text.AppendLine();
        text.AppendLine(Invariant, $"{"method",-28} {"sMAPE",7} {"MASE",7} {"OWA",7}");
        text.AppendLine(Invariant, $"{"SupportLens (per series)",-28} {result.Smape,7:F3} {result.Mase,7:F3} {result.Owa,7:F3}");
        text.AppendLine(Invariant, $"{"Naive2 (as we compute it)",-28} {result.Naive2.Smape,7:F3} {result.Naive2.Mase,7:F3} {1.0,7:F3}");
        foreach (var (name, score) in result.Candidates.OrderBy(c => c.Value.Owa))
        {
            text.AppendLine(Invariant, $"{"  " + name + " alone",-28} {score.Smape,7:F3} {score.Mase,7:F3} {score.Owa,7:F3}");
        }

        if (published.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Published M4 Weekly benchmarks (published-benchmarks.csv):");
            foreach (var p in published.Where(p => p.Owa is not null))
            {
                text.AppendLine(Invariant, $"{"  " + p.Method,-28} {Figure(p.Smape, "F3"),7} {Figure(p.Mase, "F3"),7} {Figure(p.Owa, "F3"),7}");
            }
        }

        text.AppendLine();
        text.AppendLine("Chosen per series: " + string.Join(", ", result.Models.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}")));
        text.AppendLine(string.Create(Invariant,
            $"Interval coverage on the test weeks: 80 % interval {Pct(result.Coverage.Test80)}, 95 % interval {Pct(result.Coverage.Test95)}"));
        text.AppendLine("OWA = (sMAPE / Naive2's + MASE / Naive2's) / 2; below 1 beats Naive2. MASE is scaled by the one-step naive error, as M4 scored Weekly.");
        return text.ToString();
    }

    private static string Sum(StoredSeries series, int count) =>
        series.Points.Count >= count ? series.Points.Take(count).Sum(p => p.Value).ToString("N0", Invariant) : "–";

    private static string Range(double? lo, double? hi) =>
        lo is { } l && hi is { } h ? string.Create(Invariant, $"{l,7:N1} – {h,7:N1}") : "–";

    private static string Figure(double? value, string format) => value is { } v ? v.ToString(format, Invariant) : "–";

    private static string Pct(double? share) => share is { } s ? s.ToString("P1", Invariant) : "–";

    private static double? Percent(double? share) => share is { } s ? Math.Round(100 * s, 2) : null;

    private static double? Round(double? value, int places) => value is { } v ? Math.Round(v, places) : null;

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", Invariant);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
