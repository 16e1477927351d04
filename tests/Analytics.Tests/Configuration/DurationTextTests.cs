using NodaTime;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Analytics.Tests.Configuration;

public class DurationTextTests
{
    [Theory]
    [InlineData("15m", 15)]
    [InlineData("90m", 90)]
    [InlineData("2h", 120)]
    [InlineData("1h30m", 90)]
    [InlineData("1d", 1440)]
    [InlineData("1w", 10080)]
    [InlineData("168h", 10080)]
    public void Parses(string text, int minutes)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(Duration.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("2x")]
    [InlineData("")]
    [InlineData("2 h")]
    [InlineData("h")]
    [InlineData("1m2h")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    public void Refuses(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(15, "15m")]
    [InlineData(90, "1h30m")]
    [InlineData(10080, "168h")]
    [InlineData(0, "0s")]
    public void Formats_in_hours_and_minutes(int minutes, string text) =>
        Assert.Equal(text, DurationText.Format(Duration.FromMinutes(minutes)));
}
