namespace SupportLens.Analytics.Metrics;

/// <summary>Whether a higher or a lower figure is on target.</summary>
public enum TargetDirection
{
    AtLeast,
    Below,

    /// <summary>Strictly more than the target, where the plan says "&gt;" (retention &gt; 95 %).</summary>
    Above,
}

/// <summary>
/// One figure against its target: met or missed, and by how much (<see cref="Margin"/> &gt; 0 is better than target,
/// in the figure's own unit). Null when nothing was measured.
/// </summary>
public sealed record TargetCheck(string Metric, double? Actual, double Target, TargetDirection Direction)
{
    public bool? Met => Actual is { } a ? IsMet(a, Target, Direction) : null;

    public double? Margin => Actual is { } a ? (Direction == TargetDirection.Below ? Target - a : a - Target) : null;

    private static bool IsMet(double value, double target, TargetDirection direction) => direction switch
    {
        TargetDirection.AtLeast => value >= target,
        TargetDirection.Above => value > target,
        _ => value < target,
    };

    /// <summary>
    /// The figure as text with at least <paramref name="decimals"/> places, and more where rounding would contradict the
    /// verdict (94.97 against "at least 95" must not read 95.0); "–" when nothing was measured.
    /// </summary>
    public string Shown(int decimals = 1) => Actual is { } a ? Decisive(a, Target, Direction, decimals) : NotMeasured;

    /// <summary>What every output shows for a figure with no data behind it.</summary>
    public const string NotMeasured = "–";

    /// <summary><paramref name="value"/> rounded to the fewest places, at least <paramref name="decimals"/>, that keep its verdict.</summary>
    public static string Decisive(double value, double target, TargetDirection direction, int decimals = 1)
    {
        bool Met(double v) => IsMet(v, target, direction);
        var places = decimals;
        // Up to six places; beyond that the difference is below anything a person reads as a percentage.
        while (places < 6 && Met(Math.Round(value, places)) != Met(value))
        {
            places++;
        }
        return Math.Round(value, places).ToString("F" + places.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }
}
