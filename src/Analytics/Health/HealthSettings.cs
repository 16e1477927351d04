using System.Collections.Immutable;

namespace SupportLens.Analytics.Health;

/// <summary>
/// How health is scored. Every member has a documented default (<see cref="Default"/>); targets the curves are read
/// against (tier CSAT/FCR, SLA, escalation, NPS) come from <see cref="Configuration.QualityTargets"/>.
/// <para>What each component's curve reads (its "figure"):</para>
/// <list type="bullet">
/// <item>CSAT: CSAT % minus the tier's CSAT target, in points (0 = on target).</item>
/// <item>NPS: NPS minus the NPS target.</item>
/// <item>SLA: SLA targets achieved % minus the SLA compliance target.</item>
/// <item>FCR: one-touch % minus the tier's FCR target.</item>
/// <item>Escalations: escalation % minus the escalation ceiling (above 0 = over the ceiling).</item>
/// <item>Reopens: reopened % of solved tickets (the plan sets no target).</item>
/// <item>Incidents: severity points of the incidents that hit the client (<see cref="IncidentSeverityPoints"/>).</item>
/// <item>Volume spikes: days flagged as spikes.</item>
/// <item>Renewal proximity: days until the next renewal.</item>
/// </list>
/// </summary>
public sealed record HealthSettings
{
    public static HealthSettings Default { get; } = new();

    /// <summary>Relative weights; they need not add to 100 (they are renormalised over the components that have data).</summary>
    public ImmutableDictionary<HealthComponent, double> Weights { get; init; } = new Dictionary<HealthComponent, double>
    {
        [HealthComponent.Csat] = 20,
        [HealthComponent.Nps] = 15,
        [HealthComponent.Sla] = 20,
        [HealthComponent.Fcr] = 10,
        [HealthComponent.Escalations] = 10,
        [HealthComponent.Reopens] = 5,
        [HealthComponent.Incidents] = 10,
        [HealthComponent.VolumeSpikes] = 5,
        [HealthComponent.RenewalProximity] = 5,
    }.ToImmutableDictionary();

    /// <summary>Figure -> component score, per component (see the class summary for what each figure is).</summary>
    public ImmutableDictionary<HealthComponent, ScoreCurve> Curves { get; init; } = new Dictionary<HealthComponent, ScoreCurve>
    {
        // 10 points under target is the red line, 30 under is nothing left.
        [HealthComponent.Csat] = ScoreCurve.Of((-30, 0), (-10, 50), (0, 100)),
        // NPS 60 (the plan's target) scores 100, NPS 0 scores 50, NPS -50 scores 0.
        [HealthComponent.Nps] = ScoreCurve.Of((-110, 0), (-60, 50), (0, 100)),
        [HealthComponent.Sla] = ScoreCurve.Of((-25, 0), (-10, 50), (0, 100)),
        [HealthComponent.Fcr] = ScoreCurve.Of((-30, 0), (-10, 50), (0, 100)),
        // At the 10 % ceiling 80; half of it scores 100; 20 % scores 50; 40 % scores 0.
        [HealthComponent.Escalations] = ScoreCurve.Of((-5, 100), (0, 80), (10, 50), (30, 0)),
        [HealthComponent.Reopens] = ScoreCurve.Of((0, 100), (5, 80), (15, 50), (35, 0)),
        // One severity 1 (40 points) is the red line; a severity 3 (8 points) costs 10.
        [HealthComponent.Incidents] = ScoreCurve.Of((0, 100), (20, 75), (40, 50), (100, 0)),
        [HealthComponent.VolumeSpikes] = ScoreCurve.Of((0, 100), (1, 85), (3, 50), (8, 0)),
        // Renewal within a month is the red line; half a year away or more scores 100.
        [HealthComponent.RenewalProximity] = ScoreCurve.Of((0, 40), (30, 50), (90, 75), (180, 100)),
    }.ToImmutableDictionary();

    /// <summary>Severity points of an incident of severity 1, 2, 3 and 4.</summary>
    public ImmutableArray<double> IncidentSeverityPoints { get; init; } = [40, 20, 8, 2];

    /// <summary>CSAT and NPS answers are counted over this many days up to the scored day.</summary>
    public int SurveyWindowDays { get; init; } = 90;

    /// <summary>Tickets (SLA, FCR, escalations, reopens, spikes, volume) are counted over this many days.</summary>
    public int TicketWindowDays { get; init; } = 30;

    /// <summary>Incidents that started this many days back hit the score.</summary>
    public int IncidentWindowDays { get; init; } = 30;

    /// <summary>The ticket volume baseline: this many days before the ticket window.</summary>
    public int VolumeBaselineDays { get; init; } = 90;

    /// <summary>The trend compares with the score this many days earlier.</summary>
    public int TrendDays { get; init; } = 30;

    /// <summary>Fewer CSAT answers than this in the window leave CSAT unmeasured (a single bad answer is not a trend).</summary>
    public int MinimumSurveys { get; init; } = 5;

    /// <summary>Fewer NPS answers than this leave NPS unmeasured; the same bar applies to the earlier window of a "fell from".</summary>
    public int MinimumNpsAnswers { get; init; } = 2;

    /// <summary>Fewer tickets (or decided SLA targets) than this leave SLA, FCR, escalations and reopens unmeasured.</summary>
    public int MinimumTickets { get; init; } = 5;

    /// <summary>With less than this share of the weight measured the client has no score ("not measured").</summary>
    public double MinimumCoverage { get; init; } = 0.25;

    /// <summary>Scores at or above this are green.</summary>
    public int GreenFrom { get; init; } = 76;

    /// <summary>Scores at or below this are red; between the two, amber.</summary>
    public int RedUpTo { get; init; } = 50;

    /// <summary>At most this many components are named as drivers.</summary>
    public int MaximumDrivers { get; init; } = 3;

    /// <summary>A component is named as a driver only when it costs the score at least this many points.</summary>
    public double MinimumDriverPoints { get; init; } = 2;

    /// <summary>A change of fewer points than this against <see cref="TrendDays"/> earlier is steady.</summary>
    public int SteadyWithin { get; init; } = 5;

    public HealthBand BandOf(int score) => score >= GreenFrom ? HealthBand.Green : score <= RedUpTo ? HealthBand.Red : HealthBand.Amber;

    /// <summary>What is wrong with these settings, each problem named by its key path under <paramref name="path"/>.</summary>
    public IReadOnlyList<string> Problems(string path = "health")
    {
        var problems = new List<string>();
        foreach (var component in Enum.GetValues<HealthComponent>())
        {
            var key = component.Key();
            if (!Weights.TryGetValue(component, out var weight))
            {
                problems.Add($"{path}.weights.{key}: missing");
            }
            else if (!double.IsFinite(weight) || weight < 0)
            {
                problems.Add($"{path}.weights.{key}: must be 0 or more");
            }
            if (!Curves.TryGetValue(component, out var curve))
            {
                problems.Add($"{path}.curves.{key}: missing");
            }
            else
            {
                problems.AddRange(curve.Problems($"{path}.curves.{key}"));
            }
        }
        if (Weights.Values.Sum() <= 0)
        {
            problems.Add($"{path}.weights: at least one weight must be above 0");
        }
        if (IncidentSeverityPoints.IsDefault || IncidentSeverityPoints.Length != 4 || IncidentSeverityPoints.Any(p => !double.IsFinite(p) || p < 0))
        {
            problems.Add($"{path}.incident_severity_points: four numbers of 0 or more, for severities 1 to 4");
        }
        Positive(SurveyWindowDays, "survey_window_days");
        Positive(TicketWindowDays, "ticket_window_days");
        Positive(IncidentWindowDays, "incident_window_days");
        Positive(VolumeBaselineDays, "volume_baseline_days");
        Positive(TrendDays, "trend_days");
        Positive(MinimumSurveys, "minimum_surveys");
        Positive(MinimumNpsAnswers, "minimum_nps_answers");
        Positive(MinimumTickets, "minimum_tickets");
        Positive(MaximumDrivers, "maximum_drivers");
        if (MinimumCoverage is < 0 or > 1 || double.IsNaN(MinimumCoverage))
        {
            problems.Add($"{path}.minimum_coverage: between 0 and 1");
        }
        if (RedUpTo < 0 || GreenFrom > 100 || RedUpTo + 1 >= GreenFrom)
        {
            problems.Add($"{path}.bands: need 0 <= red_up_to < amber < green_from <= 100 (got red_up_to {RedUpTo}, green_from {GreenFrom})");
        }
        if (MinimumDriverPoints < 0 || SteadyWithin < 0)
        {
            problems.Add($"{path}: minimum_driver_points and steady_within must be 0 or more");
        }
        return problems;

        void Positive(int value, string key)
        {
            if (value < 1)
            {
                problems.Add($"{path}.{key}: must be 1 or more");
            }
        }
    }
}
