using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>
/// One row of <c>health_scores</c>: a <see cref="HealthScore"/> with its components and drivers as JSON, and a
/// fingerprint of the whole row so that a refresh rewrites only the rows whose content changed.
/// </summary>
internal sealed record HealthRow(
    string ClientId,
    LocalDate AsOf,
    int? Score,
    HealthBand? Band,
    double Coverage,
    long SurveyAnswers,
    long Tickets,
    string Components,
    string Drivers,
    int? EarlierScore,
    int? TrendChange,
    TrendDirection? Trend)
{
    /// <summary>The columns <see cref="Read"/> reads, in its order, from <c>health_scores h</c>.</summary>
    public const string Columns =
        "h.client_id, h.as_of, h.score, h.band, h.coverage, h.survey_answers, h.tickets, h.components, h.drivers, h.earlier_score, h.trend_change, h.trend";

    /// <summary>The row at the reader's first twelve columns, selected as <see cref="Columns"/>.</summary>
    public static HealthRow Read(System.Data.Common.DbDataReader reader) => new(
        reader.GetString(0),
        LocalDate.FromDateOnly(reader.GetDateOnly(1)),
        reader.IsDBNull(2) ? null : reader.GetInt32(2),
        reader.IsDBNull(3) ? null : Enum.Parse<HealthBand>(reader.GetString(3), ignoreCase: true),
        reader.GetDouble(4),
        reader.GetInt64(5),
        reader.GetInt64(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetInt32(9),
        reader.IsDBNull(10) ? null : reader.GetInt32(10),
        reader.IsDBNull(11) ? null : Enum.Parse<TrendDirection>(reader.GetString(11), ignoreCase: true));

    public string Fingerprint { get; } = Digest(string.Join('|',
        ClientId, AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Score, Band, Coverage.ToString("R", CultureInfo.InvariantCulture),
        SurveyAnswers, Tickets, Components, Drivers, EarlierScore, TrendChange, Trend));

    public static HealthRow From(HealthScore score) => new(
        score.ClientId,
        score.AsOf,
        score.Score,
        score.Band,
        score.Coverage.WeightShare,
        score.Coverage.SurveyAnswers,
        score.Coverage.Tickets,
        HealthJson.Write(score.Components.Select(c => new ComponentJson(
            c.Component.Key(), c.Weight, c.Share, c.Figure, c.Target, c.Score, c.Evidence, c.Text, c.NotMeasured))),
        HealthJson.Write(score.Drivers.Select(d => new DriverJson(d.Component.Key(), d.PointsLost, d.Text))),
        score.Trend?.EarlierScore,
        score.Trend?.Change,
        score.Trend?.Direction);

    /// <summary>The stored score as the scorer made it (the trend's earlier band is worked out from its score).</summary>
    public HealthScore ToScore(HealthSettings settings)
    {
        var components = HealthJson.Read<List<ComponentJson>>(Components)
            .Select(c => new ComponentScore(Component(c.Component), c.Weight, c.Share, c.Figure, c.Target, c.Score, c.Evidence, c.Text, c.NotMeasured))
            .ToImmutableArray();
        var drivers = HealthJson.Read<List<DriverJson>>(Drivers)
            .Select(d => new HealthDriver(Component(d.Component), d.PointsLost, d.Text))
            .ToImmutableArray();
        var trend = EarlierScore is { } earlier && TrendChange is { } change && Trend is { } direction
            ? new HealthTrend(AsOf.PlusDays(-settings.TrendDays), earlier, settings.BandOf(earlier), change, direction)
            : null;
        return new HealthScore(
            ClientId,
            AsOf,
            Score,
            Band,
            new HealthCoverage(
                Coverage,
                components.Count(c => c.IsMeasured),
                [.. components.Where(c => !c.IsMeasured).Select(c => c.Component)],
                SurveyAnswers,
                Tickets),
            components,
            trend,
            drivers);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="text"/>: enough to tell two versions apart.</summary>
    public static string Digest(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static HealthComponent Component(string key) =>
        HealthComponentKeys.TryParse(key, out var component) ? component : throw new FormatException($"unknown health component \"{key}\"");

    private sealed record ComponentJson(
        string Component, double Weight, double Share, double? Figure, double? Target, double? Score, long Evidence, string? Text, string? NotMeasured);

    private sealed record DriverJson(string Component, double PointsLost, string Text);
}
