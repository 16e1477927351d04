namespace SupportLens.Reports.Tests;

/// <summary>A clock that stands still, so the generation time is part of the test's data.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-12-01 11:00 UTC = 06:00 EST, the morning the November pack goes out.</summary>
    public static FixedTime December1st { get; } = new(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
