using System.Collections.Immutable;
using NodaTime;

namespace SupportLens.Analytics.Health;

/// <summary>
/// A client's health on one day. <see cref="Score"/> and <see cref="Band"/> are null ("not measured") when less than
/// <see cref="HealthSettings.MinimumCoverage"/> of the weight had data; <see cref="Coverage"/> always says how much did.
/// </summary>
public sealed record HealthScore(
    string ClientId,
    LocalDate AsOf,
    int? Score,
    HealthBand? Band,
    HealthCoverage Coverage,
    ImmutableArray<ComponentScore> Components,
    HealthTrend? Trend,
    ImmutableArray<HealthDriver> Drivers);

/// <summary>
/// One component of the score. <see cref="Figure"/> is the measured number in its own unit (CSAT %, NPS, severity
/// points, days…), <see cref="Target"/> the target it was read against (null where the plan sets none).
/// <see cref="Share"/> is the component's part of the score after renormalisation (0 when unmeasured), and
/// <see cref="Evidence"/> how many answers, tickets, targets, incidents or days stand behind the figure.
/// <see cref="Text"/> says the reading in words (null when unmeasured; then <see cref="NotMeasured"/> says why).
/// </summary>
public sealed record ComponentScore(
    HealthComponent Component,
    double Weight,
    double Share,
    double? Figure,
    double? Target,
    double? Score,
    long Evidence,
    string? Text,
    string? NotMeasured)
{
    public bool IsMeasured => Score is not null;

    /// <summary>Points of the overall score this component costs: its share times what it lacks of 100.</summary>
    public double PointsLost => Score is { } s ? Share * (100 - s) : 0;
}

/// <summary>
/// How much data stood behind a score: the share of the configured weight whose component had data, the components
/// left out, and the survey answers and tickets behind it.
/// </summary>
public sealed record HealthCoverage(
    double WeightShare,
    int ComponentsMeasured,
    ImmutableArray<HealthComponent> Unmeasured,
    long SurveyAnswers,
    long Tickets);

public enum TrendDirection
{
    Improving,
    Steady,
    Declining,
}

/// <summary>The score against the one <see cref="HealthSettings.TrendDays"/> earlier.</summary>
public sealed record HealthTrend(LocalDate EarlierAsOf, int EarlierScore, HealthBand EarlierBand, int Change, TrendDirection Direction);

/// <summary>A component that pulls the score down, said the way a success manager would say it.</summary>
public sealed record HealthDriver(HealthComponent Component, double PointsLost, string Text);
