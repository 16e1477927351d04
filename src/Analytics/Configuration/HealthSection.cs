using System.Collections.Immutable;
using System.Globalization;
using SupportLens.Analytics.Health;

namespace SupportLens.Analytics.Configuration;

/// <summary>
/// The optional `health` section (README "Configuration"): how client health is scored. Every key is optional; an
/// absent key keeps <see cref="HealthSettings.Default"/>'s value, and so does an absent section. Under `weights` and
/// `curves` only the components named change (a weight of 0 leaves a component out).
/// </summary>
internal sealed class HealthSectionDocument
{
    public Dictionary<string, double>? Weights { get; set; }

    /// <summary>Component -> points [figure, score], figures increasing; straight lines between, flat beyond.</summary>
    public Dictionary<string, List<List<double>>>? Curves { get; set; }

    public BandsDocument? Bands { get; set; }

    /// <summary>Points of an incident of severity 1, 2, 3 and 4.</summary>
    public List<double>? IncidentSeverityPoints { get; set; }

    public int? SurveyWindowDays { get; set; }

    public int? TicketWindowDays { get; set; }

    public int? IncidentWindowDays { get; set; }

    public int? VolumeBaselineDays { get; set; }

    public int? TrendDays { get; set; }

    public int? MinimumSurveys { get; set; }

    public int? MinimumNpsAnswers { get; set; }

    public int? MinimumTickets { get; set; }

    public double? MinimumCoverage { get; set; }

    public int? MaximumDrivers { get; set; }

    public double? MinimumDriverPoints { get; set; }

    public int? SteadyWithin { get; set; }

    /// <summary>The section that says <paramref name="settings"/> in full (the defaults file writes it).</summary>
    public static HealthSectionDocument From(HealthSettings settings) => new()
    {
        Weights = Enum.GetValues<HealthComponent>().ToDictionary(c => c.Key(), c => settings.Weights[c]),
        Curves = Enum.GetValues<HealthComponent>().ToDictionary(
            c => c.Key(), c => settings.Curves[c].Points.Select(p => new List<double> { p.Figure, p.Score }).ToList()),
        Bands = new BandsDocument { GreenFrom = settings.GreenFrom, RedUpTo = settings.RedUpTo },
        IncidentSeverityPoints = [.. settings.IncidentSeverityPoints],
        SurveyWindowDays = settings.SurveyWindowDays,
        TicketWindowDays = settings.TicketWindowDays,
        IncidentWindowDays = settings.IncidentWindowDays,
        VolumeBaselineDays = settings.VolumeBaselineDays,
        TrendDays = settings.TrendDays,
        MinimumSurveys = settings.MinimumSurveys,
        MinimumNpsAnswers = settings.MinimumNpsAnswers,
        MinimumTickets = settings.MinimumTickets,
        MinimumCoverage = settings.MinimumCoverage,
        MaximumDrivers = settings.MaximumDrivers,
        MinimumDriverPoints = settings.MinimumDriverPoints,
        SteadyWithin = settings.SteadyWithin,
    };
}

internal sealed class BandsDocument
{
    public int? GreenFrom { get; set; }

    public int? RedUpTo { get; set; }
}

/// <summary>Binds the `health` section onto the defaults; problems are added as "health.key.path: what is wrong".</summary>
internal static class HealthSection
{
    private const string Path = "health";

    public static HealthSettings? Bind(HealthSectionDocument? doc, List<string> errors)
    {
        var defaults = HealthSettings.Default;
        if (doc is null)
        {
            return defaults;
        }
        var problems = new List<string>();
        var weights = defaults.Weights.ToBuilder();
        foreach (var (key, weight) in doc.Weights ?? [])
        {
            if (Component($"{Path}.weights.{key}", key, problems) is { } component)
            {
                weights[component] = weight;
            }
        }
        var curves = defaults.Curves.ToBuilder();
        foreach (var (key, points) in doc.Curves ?? [])
        {
            if (Component($"{Path}.curves.{key}", key, problems) is not { } component)
            {
                continue;
            }
            var curve = new List<CurvePoint>();
            for (var i = 0; i < (points ?? []).Count; i++)
            {
                if (points![i] is [var figure, var score])
                {
                    curve.Add(new CurvePoint(figure, score));
                }
                else
                {
                    problems.Add($"{Path}.curves.{key}[{i}]: a point is [figure, score]");
                }
            }
            curves[component] = new ScoreCurve([.. curve]);
        }
        var settings = defaults with
        {
            Weights = weights.ToImmutable(),
            Curves = curves.ToImmutable(),
            GreenFrom = doc.Bands?.GreenFrom ?? defaults.GreenFrom,
            RedUpTo = doc.Bands?.RedUpTo ?? defaults.RedUpTo,
            IncidentSeverityPoints = doc.IncidentSeverityPoints is { } severityPoints ? [.. severityPoints] : defaults.IncidentSeverityPoints,
            SurveyWindowDays = doc.SurveyWindowDays ?? defaults.SurveyWindowDays,
            TicketWindowDays = doc.TicketWindowDays ?? defaults.TicketWindowDays,
            IncidentWindowDays = doc.IncidentWindowDays ?? defaults.IncidentWindowDays,
            VolumeBaselineDays = doc.VolumeBaselineDays ?? defaults.VolumeBaselineDays,
            TrendDays = doc.TrendDays ?? defaults.TrendDays,
            MinimumSurveys = doc.MinimumSurveys ?? defaults.MinimumSurveys,
            MinimumNpsAnswers = doc.MinimumNpsAnswers ?? defaults.MinimumNpsAnswers,
            MinimumTickets = doc.MinimumTickets ?? defaults.MinimumTickets,
            MinimumCoverage = doc.MinimumCoverage ?? defaults.MinimumCoverage,
            MaximumDrivers = doc.MaximumDrivers ?? defaults.MaximumDrivers,
            MinimumDriverPoints = doc.MinimumDriverPoints ?? defaults.MinimumDriverPoints,
            SteadyWithin = doc.SteadyWithin ?? defaults.SteadyWithin,
        };
        // The settings know their own rules and name each broken key by its path.
        problems.AddRange(settings.Problems(Path));
        errors.AddRange(problems);
        return problems.Count == 0 ? settings : null;
    }

    private static HealthComponent? Component(string path, string key, List<string> problems)
    {
        if (HealthComponentKeys.TryParse(key, out var component))
        {
            return component;
        }
        problems.Add(string.Create(CultureInfo.InvariantCulture,
            $"{path}: unknown component; components are {string.Join(", ", Enum.GetValues<HealthComponent>().Select(c => c.Key()))}"));
        return null;
    }
}
