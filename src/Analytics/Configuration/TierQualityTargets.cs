namespace SupportLens.Analytics.Configuration;

/// <summary>Per-tier quality targets: CSAT % and one-touch FCR % at or above which the tier is on target.</summary>
public sealed record TierQualityTargets(double CsatPct, double FcrPct);
