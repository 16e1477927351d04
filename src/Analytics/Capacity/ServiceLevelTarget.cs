namespace SupportLens.Analytics.Capacity;

/// <summary>
/// What a live channel (chat, phone) promises: <see cref="Share"/> of contacts answered within
/// <see cref="AnswerWithin"/> (the support plan's 80 % in 60 s), at a handle time, with agents busy at most
/// <see cref="MaxOccupancy"/> of the time so they do not burn out.
/// </summary>
public sealed record ServiceLevelTarget(double Share, TimeSpan AnswerWithin, TimeSpan HandleTime, double MaxOccupancy = 0.85)
{
    public ServiceLevelTarget Validate()
    {
        if (Share is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Share), Share, "service level share must be between 0 and 1.");
        }

        if (HandleTime <= TimeSpan.Zero || AnswerWithin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HandleTime), HandleTime, "handle time must be positive and the answer time not negative.");
        }

        if (MaxOccupancy is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOccupancy), MaxOccupancy, "maximum occupancy must be in (0, 1].");
        }

        return this;
    }
}
