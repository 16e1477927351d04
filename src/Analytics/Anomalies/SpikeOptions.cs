using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Anomalies;

/// <summary>Settings of spike detection, each with its default.</summary>
public sealed record SpikeOptions
{
    /// <summary>Robust score beyond which a day is unusual. Default 3.5 (Iglewicz and Hoaglin's cut-off for modified z-scores).</summary>
    public double Threshold { get; init; } = 3.5;

    /// <summary>Weeks on each side whose same weekday forms the expected value. Default 4.</summary>
    public int WindowWeeks { get; init; } = 4;

    /// <summary>Holidays, on which a dip is expected and not reported. Default US federal holidays.</summary>
    public HolidaySet Holidays { get; init; } = HolidaySet.UsFederal;

    public SpikeOptions Validate()
    {
        if (Threshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "spike threshold must be positive.");
        }

        if (WindowWeeks < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowWeeks), WindowWeeks, "spike window needs at least 2 weeks on each side.");
        }

        return this;
    }
}
