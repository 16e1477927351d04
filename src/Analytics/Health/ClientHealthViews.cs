using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Risk;

namespace SupportLens.Analytics.Health;

/// <summary>The days that have stored health scores (the first day of data to the data horizon's day).</summary>
public sealed record StoredHealthDays(LocalDate First, LocalDate Last);

/// <summary>One client on one day as stored by refresh: its record, its health, and its churn risk (null before any risk run).</summary>
public sealed record ClientHealthEntry(ClientAccount Client, HealthScore Health, ClientRisk? Risk);

/// <summary>
/// The risk run that assessed a day: what it was trained on (<see cref="RunAsOf"/>: only data known then) and how well
/// it did. <see cref="CardJson"/> is the whole stored model card.
/// </summary>
public sealed record RiskRunSummary(
    LocalDate RunAsOf,
    LocalDate AssessesTo,
    RiskMethod Method,
    string? Model,
    int ChurnEvents,
    double? Auc,
    double? Brier,
    string Note,
    string CardJson);

/// <summary>Client and MRR retention over the trailing year and quarter that end with the day asked for.</summary>
public sealed record HealthRetention(RetentionReport Annual, RetentionReport Quarterly);

/// <summary>
/// The book on one day: every client active then, most at risk first (flagged, then by probability, then by lowest
/// score), with the risk run behind the flags and retention.
/// </summary>
public sealed record HealthBook(LocalDate AsOf, ImmutableArray<ClientHealthEntry> Clients, RiskRunSummary? Run, HealthRetention Retention)
{
    /// <summary>Mean score of the clients that have one (the plan's "health score average &gt; 80"); null when none has.</summary>
    public double? AverageScore
    {
        get
        {
            var scores = Clients.Where(c => c.Health.Score is not null).Select(c => (double)c.Health.Score!.Value).ToList();
            return scores.Count == 0 ? null : scores.Average();
        }
    }
}

/// <summary>One stored day of a client's history.</summary>
public sealed record HealthHistoryPoint(LocalDate AsOf, int? Score, HealthBand? Band, double Coverage, double? Probability, bool? AtRisk);

/// <summary>One client's detail on a day: the entry, its daily history up to that day, and the run that assessed it.</summary>
public sealed record ClientHealthDetail(ClientHealthEntry Entry, ImmutableArray<HealthHistoryPoint> History, RiskRunSummary? Run);
