namespace SupportLens.Analytics.Metrics;

/// <summary>Whether a higher or a lower figure is on target.</summary>
public enum TargetDirection
{
    AtLeast,
    Below,
}

/// <summary>
/// One figure against its target: met or missed, and by how much (<see cref="Margin"/> &gt; 0 is better than target,
/// in the figure's own unit). Null when nothing was measured.
/// </summary>
public sealed record TargetCheck(string Metric, double? Actual, double Target, TargetDirection Direction)
{
    public bool? Met => Actual is { } a ? (Direction == TargetDirection.AtLeast ? a >= Target : a < Target) : null;

    public double? Margin => Actual is { } a ? (Direction == TargetDirection.AtLeast ? a - Target : Target - a) : null;
}
