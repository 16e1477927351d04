using SupportLens.Reports.Charts;

namespace SupportLens.Reports.Pdf;

internal enum KpiStatus
{
    Met,
    Missed,
    NotMeasured,
    NoTarget,
}

internal enum Comparison
{
    AtLeast,
    Above,
    AtMost,
    Below,
}

/// <summary>A target such as "SLA ≥ 95 %" or "escalation rate &lt; 10 %".</summary>
/// <param name="Text">The threshold as the plan states it ("93.09 %"); null prints it in the tile's format.</param>
internal sealed record KpiTarget(Comparison Comparison, double Threshold, string? Text = null)
{
    public bool HigherIsBetter => Comparison is Comparison.AtLeast or Comparison.Above;

    /// <summary>A figure with no data behind it is never "met": it is not measured.</summary>
    public KpiStatus Evaluate(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return KpiStatus.NotMeasured;
        }

        var met = Comparison switch
        {
            Comparison.AtLeast => v >= Threshold,
            Comparison.Above => v > Threshold,
            Comparison.AtMost => v <= Threshold,
            _ => v < Threshold,
        };
        return met ? KpiStatus.Met : KpiStatus.Missed;
    }

    public string Describe(ValueFormat format)
    {
        var symbol = Comparison switch
        {
            Comparison.AtLeast => "≥",
            Comparison.Above => ">",
            Comparison.AtMost => "≤",
            _ => "<",
        };
        return symbol + " " + (Text ?? format.Format(Threshold));
    }
}

/// <summary>One scorecard figure: its value against a target, the change since the previous period, a trend.</summary>
/// <param name="Label">What is measured, e.g. "CSAT".</param>
/// <param name="Value">The figure; null when nothing was measured (printed "–").</param>
/// <param name="Previous">The same figure a period earlier, for the trend arrow; null hides the arrow.</param>
/// <param name="PreviousLabel">Names the earlier period, e.g. "Oct".</param>
/// <param name="Trend">Recent values, oldest first, drawn as a sparkline; null or fewer than two values hides it.</param>
/// <param name="ValueText">
/// The value as printed, when the format's rounding would contradict the verdict (94.97 against ≥ 95 must not read
/// 95.0); null prints the value in <paramref name="Format"/>.
/// </param>
internal sealed record KpiTile(
    string Label,
    double? Value,
    ValueFormat Format,
    KpiTarget? Target = null,
    double? Previous = null,
    string? PreviousLabel = null,
    IReadOnlyList<double?>? Trend = null,
    string? ValueText = null)
{
    public string Shown => Value is null ? ValueFormat.NotMeasured : ValueText ?? Format.Format(Value);

    public KpiStatus Status => Target?.Evaluate(Value) ?? (Value is { } v && double.IsFinite(v) ? KpiStatus.NoTarget : KpiStatus.NotMeasured);

    public string StatusText => Status switch
    {
        KpiStatus.Met => "Met",
        KpiStatus.Missed => "Missed",
        KpiStatus.NotMeasured => "Not measured",
        _ => "No target",
    };
}
