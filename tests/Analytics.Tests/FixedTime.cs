namespace SupportLens.Analytics.Tests;

/// <summary>A clock that stands still, so "as of now" is part of the test's data.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
