namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>Trend component of an exponential smoothing model.</summary>
internal enum EtsTrend
{
    None,
    Additive,
    Damped,
}

/// <summary>One member of the additive-error ETS family: ETS(A, trend, seasonal).</summary>
internal sealed record EtsSpecification(EtsTrend Trend, bool Seasonal)
{
    public static IReadOnlyList<EtsSpecification> All { get; } =
    [
        new(EtsTrend.None, false), new(EtsTrend.Additive, false), new(EtsTrend.Damped, false),
        new(EtsTrend.None, true), new(EtsTrend.Additive, true), new(EtsTrend.Damped, true),
    ];

    public bool HasTrend => Trend != EtsTrend.None;

    public override string ToString() =>
        $"ETS(A,{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }},{(Seasonal ? "A" : "N")})";
}
