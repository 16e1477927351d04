using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Risk;

/// <summary>
/// The churn model's features, read from a <see cref="ChurnSnapshot"/>, and the words for each. Features of a health
/// component are said with that component's own sentence, so a risk driver reads like a health driver; the rest
/// (health itself, its trend, ticket volume, tenure, tier) have sentences of their own. Unknown values are NaN
/// (the encoder fills in the training mean) and are never named as drivers.
/// </summary>
internal sealed class SnapshotFeatures(HealthSettings health)
{
    private const string Tier = "tier";

    private readonly ImmutableArray<Feature> _numeric =
    [
        new("health_score", "health_score", s => s.Health.Score ?? double.NaN, HealthText),
        new("health_change", "health_change", s => s.Health.Trend?.Change ?? double.NaN, s => TrendText(s, health)),
        new("csat_vs_target", "csat", s => Gap(s, HealthComponent.Csat), s => Text(s, HealthComponent.Csat)),
        new("nps", "nps", s => Figure(s, HealthComponent.Nps), s => Text(s, HealthComponent.Nps)),
        new("nps_change", "nps", NpsChange, s => Text(s, HealthComponent.Nps)),
        new("sla_met_pct", "sla", s => Figure(s, HealthComponent.Sla), s => Text(s, HealthComponent.Sla)),
        new("urgent_sla_breaches", "sla", s => double.IsNaN(Figure(s, HealthComponent.Sla)) ? double.NaN : s.Inputs.Sla!.BreachedUrgent,
            s => Text(s, HealthComponent.Sla)),
        new("fcr_vs_target", "fcr", s => Gap(s, HealthComponent.Fcr), s => Text(s, HealthComponent.Fcr)),
        new("escalation_pct", "escalations", s => Figure(s, HealthComponent.Escalations), s => Text(s, HealthComponent.Escalations)),
        new("reopen_pct", "reopens", s => Figure(s, HealthComponent.Reopens), s => Text(s, HealthComponent.Reopens)),
        new("incident_points", "incidents", s => Figure(s, HealthComponent.Incidents), s => Text(s, HealthComponent.Incidents)),
        new("spike_days", "volume_spikes", s => Figure(s, HealthComponent.VolumeSpikes), s => Text(s, HealthComponent.VolumeSpikes)),
        new("volume_change_pct", "volume_change", s => VolumeChange(s, health), s => VolumeText(s, health)),
        new("days_to_renewal", "renewal_proximity", s => Figure(s, HealthComponent.RenewalProximity),
            s => Text(s, HealthComponent.RenewalProximity)),
        new("tenure_months", "tenure", Tenure, TenureText),
    ];

    public FeatureSchema Schema => new([.. _numeric.Select(f => f.Name)], [Tier]);

    public FeatureRow Row(ChurnSnapshot snapshot, bool? label) => new(
        $"{snapshot.ClientId}@{snapshot.AsOf:yyyy-MM-dd}",
        label,
        [.. _numeric.Select(f => f.Value(snapshot))],
        [snapshot.Client.Tier.ToString().ToLowerInvariant()],
        snapshot.ClientId,
        snapshot.AsOf);

    /// <summary>
    /// The features that push this snapshot towards churn, grouped by what they are about (NPS and its change are one
    /// driver), largest push first, those without a known value or a sentence left out.
    /// </summary>
    public ImmutableArray<RiskDriver> Drivers(ChurnSnapshot snapshot, IEnumerable<FeatureContribution> contributions, int maximum)
    {
        var byName = _numeric.ToDictionary(f => f.Name);
        var drivers = new List<(string Key, double Weight, string Text, int Order)>();
        foreach (var c in contributions.Where(c => c.Value > 0))
        {
            string? key, text;
            int order;
            if (c.Feature == Tier)
            {
                (key, text, order) = (Tier, $"{Capitalised(snapshot.Client.Tier.ToString())}-tier client", _numeric.Length);
            }
            else
            {
                var feature = byName[c.Feature];
                if (!double.IsFinite(feature.Value(snapshot)))
                {
                    continue;
                }
                (key, text, order) = (feature.Driver, feature.Text(snapshot), _numeric.IndexOf(feature));
            }
            if (text is null)
            {
                continue;
            }
            var existing = drivers.FindIndex(d => d.Key == key);
            if (existing >= 0)
            {
                drivers[existing] = drivers[existing] with { Weight = drivers[existing].Weight + c.Value };
            }
            else
            {
                drivers.Add((key, c.Value, text, order));
            }
        }
        return
        [
            .. drivers.OrderByDescending(d => Math.Round(d.Weight, 9)).ThenBy(d => d.Order).Take(maximum)
                .Select(d => new RiskDriver(d.Key, d.Weight, d.Text)),
        ];
    }

    private static ComponentScore Component(ChurnSnapshot s, HealthComponent component) =>
        s.Health.Components.Single(c => c.Component == component);

    private static double Figure(ChurnSnapshot s, HealthComponent component) =>
        Component(s, component) is { IsMeasured: true, Figure: { } figure } ? figure : double.NaN;

    private static double Gap(ChurnSnapshot s, HealthComponent component) =>
        Component(s, component) is { IsMeasured: true, Figure: { } figure, Target: { } target } ? figure - target : double.NaN;

    private static string? Text(ChurnSnapshot s, HealthComponent component) => Component(s, component).Text;

    private static double NpsChange(ChurnSnapshot s) =>
        Figure(s, HealthComponent.Nps) is var now && double.IsFinite(now) && s.Inputs.Nps?.Previous?.Score is { } before ? now - before : double.NaN;

    private static string? HealthText(ChurnSnapshot s) =>
        s.Health.Score is { } score ? $"Health score {score} ({s.Health.Band!.Value.ToString().ToLowerInvariant()})" : null;

    private static string? TrendText(ChurnSnapshot s, HealthSettings settings) => s.Health.Trend switch
    {
        null => null,
        { Change: < 0 } t => $"Health fell {-t.Change} points in {settings.TrendDays} days (from {t.EarlierScore} to {s.Health.Score})",
        { Change: > 0 } t => $"Health rose {t.Change} points in {settings.TrendDays} days (from {t.EarlierScore} to {s.Health.Score})",
        _ => $"Health unchanged over {settings.TrendDays} days",
    };

    /// <summary>Tickets in the ticket window against the baseline's average for a window of that length, in %.</summary>
    private static double VolumeChange(ChurnSnapshot s, HealthSettings settings)
    {
        if (s.Inputs.Volume is not { Baseline: > 0 } volume)
        {
            return double.NaN;
        }
        var expected = volume.Baseline * (double)settings.TicketWindowDays / settings.VolumeBaselineDays;
        return 100.0 * (volume.Recent - expected) / expected;
    }

    private static string? VolumeText(ChurnSnapshot s, HealthSettings settings)
    {
        var change = VolumeChange(s, settings);
        if (!double.IsFinite(change))
        {
            return null;
        }
        var direction = change < 0 ? "down" : "up";
        return $"Ticket volume {direction} {HealthWords.Pct(Math.Abs(change))} on the {settings.VolumeBaselineDays} days before " +
            $"({HealthWords.Count(s.Inputs.Volume!.Recent, "ticket")} in the last {settings.TicketWindowDays} days)";
    }

    private static double Tenure(ChurnSnapshot s) =>
        s.Client.ContractStart is { } start && start <= s.AsOf ? Period.Between(start, s.AsOf, PeriodUnits.Months).Months : double.NaN;

    private static string? TenureText(ChurnSnapshot s) =>
        double.IsFinite(Tenure(s)) ? $"Client for {HealthWords.Count((long)Tenure(s), "month")}" : null;

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    private sealed record Feature(string Name, string Driver, Func<ChurnSnapshot, double> Value, Func<ChurnSnapshot, string?> Text);
}
