using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Analytics.Health;

/// <summary>
/// Scores a client's health from its <see cref="ClientHealthInputs"/>: a pure function of the inputs, the settings and
/// the targets. Each measured component gets 0–100 from its curve; the score is their weighted mean with the weights
/// of unmeasured components left out (renormalised), rounded half away from zero; the band comes from the rounded
/// score. The components that cost the most points are the drivers.
/// </summary>
public sealed class HealthScorer
{
    private readonly HealthSettings _settings;
    private readonly QualityTargets _targets;

    /// <exception cref="ArgumentException">The settings have problems (each named by its key path).</exception>
    public HealthScorer(HealthSettings settings, QualityTargets targets)
    {
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid health settings: " + string.Join("; ", problems), nameof(settings));
        }
        _settings = settings;
        _targets = targets;
    }

    public HealthSettings Settings => _settings;

    /// <param name="inputs">The client's facts on the scored day.</param>
    /// <param name="earlier">
    /// The same client's score <see cref="HealthSettings.TrendDays"/> before <see cref="ClientHealthInputs.AsOf"/>, for the
    /// trend; null when there is none.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="earlier"/> is another client's or another day's.</exception>
    public HealthScore Score(ClientHealthInputs inputs, HealthScore? earlier = null)
    {
        var trendDay = inputs.AsOf.PlusDays(-_settings.TrendDays);
        if (earlier is not null && (earlier.ClientId != inputs.ClientId || earlier.AsOf != trendDay))
        {
            throw new ArgumentException(
                $"the earlier score must be {inputs.ClientId}'s on {Iso(trendDay)}, not {earlier.ClientId}'s on {Iso(earlier.AsOf)}",
                nameof(earlier));
        }

        var readings = ComponentReading.Read(inputs, _settings, _targets).ToImmutableArray();
        var totalWeight = readings.Sum(r => _settings.Weights[r.Component]);
        var measuredWeight = readings.Where(r => r.CurveInput is not null).Sum(r => _settings.Weights[r.Component]);
        var coverage = measuredWeight / totalWeight;
        var scored = measuredWeight > 0 && coverage >= _settings.MinimumCoverage;

        var components = readings.Select(r => Component(r, inputs, measuredWeight)).ToImmutableArray();
        int? score = scored ? (int)Math.Round(components.Sum(c => c.Share * (c.Score ?? 0)), MidpointRounding.AwayFromZero) : null;
        HealthBand? band = score is { } s ? _settings.BandOf(s) : null;

        return new HealthScore(
            inputs.ClientId,
            inputs.AsOf,
            score,
            band,
            new HealthCoverage(
                coverage,
                components.Count(c => c.IsMeasured),
                [.. components.Where(c => !c.IsMeasured).Select(c => c.Component)],
                (inputs.Csat?.Total ?? 0) + (inputs.Nps?.Current.Responses ?? 0),
                inputs.Volume?.Recent ?? inputs.Escalations?.Total ?? 0),
            components,
            Trend(score, earlier),
            scored ? Drivers(components) : []);
    }

    private static string Iso(LocalDate day) => LocalDatePattern.Iso.Format(day);

    private ComponentScore Component(ComponentReading reading, ClientHealthInputs inputs, double measuredWeight)
    {
        var weight = _settings.Weights[reading.Component];
        if (reading.CurveInput is not { } input)
        {
            return new ComponentScore(
                reading.Component, weight, 0, reading.Figure, reading.Target, null, reading.Evidence, null, reading.NotMeasured);
        }
        var score = Math.Clamp(_settings.Curves[reading.Component].Evaluate(input), 0, 100);
        return new ComponentScore(
            reading.Component, weight, weight / measuredWeight, reading.Figure, reading.Target, score, reading.Evidence,
            HealthWords.Describe(reading, inputs, _settings), null);
    }

    private HealthTrend? Trend(int? score, HealthScore? earlier)
    {
        if (score is not { } now || earlier?.Score is not { } before)
        {
            return null;
        }
        var change = now - before;
        var direction = Math.Abs(change) < _settings.SteadyWithin ? TrendDirection.Steady
            : change > 0 ? TrendDirection.Improving : TrendDirection.Declining;
        return new HealthTrend(earlier.AsOf, before, earlier.Band!.Value, change, direction);
    }

    private ImmutableArray<HealthDriver> Drivers(ImmutableArray<ComponentScore> components) =>
    [
        .. components
            .Where(c => c.IsMeasured && c.PointsLost >= _settings.MinimumDriverPoints)
            // Rounded so that two components costing the same points in different floating-point ways tie, and the
            // component order decides.
            .OrderByDescending(c => Math.Round(c.PointsLost, 6))
            .ThenBy(c => c.Component)
            .Take(_settings.MaximumDrivers)
            .Select(c => new HealthDriver(c.Component, c.PointsLost, c.Text!)),
    ];
}
