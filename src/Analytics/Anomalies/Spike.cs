using NodaTime;

namespace SupportLens.Analytics.Anomalies;

public enum SpikeDirection
{
    /// <summary>More contacts than expected (an incident, a release, a billing run).</summary>
    High,

    /// <summary>Fewer than expected (an outage of the channel itself, a client going quiet).</summary>
    Low,
}

/// <summary>
/// An unusual day of one series (per client and channel): the volume, what the seasonal fit expected, the
/// range it would have accepted, and the robust score (how many robust standard deviations out).
/// </summary>
public sealed record Spike(
    string SeriesKey,
    LocalDate Date,
    double Volume,
    double Expected,
    double ExpectedLow,
    double ExpectedHigh,
    double Score,
    SpikeDirection Direction,
    bool Holiday);
