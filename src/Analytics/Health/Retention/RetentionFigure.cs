using System.Collections.Immutable;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Analytics.Health.Retention;

/// <summary>
/// Retention of one group (all clients, a tier, a success manager's book) over a period. Client retention = clients
/// active at the start who are still active at the end / clients active at the start; MRR retention likewise on their
/// MRR (clients without an MRR count for clients, not for MRR). Null ("not measured") when nobody was active at the start.
/// </summary>
public sealed record RetentionFigure(
    string Key,
    int ClientsAtStart,
    int ClientsRetained,
    decimal MrrAtStart,
    decimal MrrRetained,
    ImmutableArray<string> Lost,
    double TargetPct)
{
    public double? ClientRetentionPct => ClientsAtStart == 0 ? null : 100.0 * ClientsRetained / ClientsAtStart;

    public double? MrrRetentionPct => MrrAtStart == 0 ? null : (double)(100m * MrrRetained / MrrAtStart);

    // The plan says "Retention Rate: >95% annually": strictly above, so exactly 95 % misses.
    public TargetCheck ClientTarget => new("client_retention", ClientRetentionPct, TargetPct, TargetDirection.Above);

    public TargetCheck MrrTarget => new("mrr_retention", MrrRetentionPct, TargetPct, TargetDirection.Above);
}

/// <summary>Retention over one period: all clients, per tier and per success manager (groups with nobody at the start are left out).</summary>
public sealed record RetentionReport(
    RetentionPeriod Period,
    RetentionFigure All,
    ImmutableArray<RetentionFigure> ByTier,
    ImmutableArray<RetentionFigure> BySuccessManager);
