using System.Text.Json;

namespace SupportLens.Web.Tests.Cli;

[Collection(ForecastDataCollection.Name)]
public sealed class CapacityCommandTests(ForecastData data)
{
    [Fact]
    public void Json_lists_each_week_and_shift_with_the_channels_and_productivity()
    {
        var result = data.Run("capacity", "--weeks", "1", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        // History through Saturday 05-23: the first whole week is 05-25 to 05-31.
        Assert.Equal(("2026-05-25", "2026-05-31"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
        var week = Assert.Single(root.GetProperty("weeks").EnumerateArray());
        Assert.Equal("2026-05-25", week.GetProperty("week_start").GetString());
        var shifts = week.GetProperty("shifts").EnumerateArray().ToList();
        Assert.Equal(["APAC", "EMEA", "Americas"], shifts.Select(s => s.GetProperty("shift").GetString()));
        foreach (var shift in shifts)
        {
            var required = shift.GetProperty("required").GetDouble();
            var scheduled = shift.GetProperty("scheduled").GetDouble();
            var rostered = shift.GetProperty("rostered").GetInt32();
            // Scheduled = required / (1 − 30 % shrinkage); gap = rostered − scheduled (rounded to 2 places each).
            Assert.Equal(required / 0.7, scheduled, 1);
            Assert.Equal(rostered - scheduled, shift.GetProperty("gap").GetDouble(), 1);
            Assert.True(shift.TryGetProperty("required_by_channel", out _));
        }
        Assert.Equal([5, 5, 8], shifts.Select(s => s.GetProperty("rostered").GetInt32()));

        var channels = root.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Assert.Equal("live", channels["chat"].GetProperty("kind").GetString());
        Assert.Equal("deferred", channels["email"].GetProperty("kind").GetString());
        Assert.StartsWith("agent productivity", channels["email"].GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(480, channels["chat"].GetProperty("handle_seconds").GetDouble());
        var productivity = root.GetProperty("productivity");
        Assert.Equal(3, productivity.GetProperty("shifts").GetArrayLength());
        Assert.True(productivity.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email")
            .GetProperty("solved_per_agent_hour").GetDouble() > 0);
    }

    [Fact]
    public void Text_is_a_planners_table_and_too_many_weeks_says_so()
    {
        var result = data.Run("capacity", "--weeks", "13");
        Assert.Equal(0, result.ExitCode);
        // History through Saturday 05-23 and 14 days ahead (to 06-06): one whole week, 05-25 to 05-31.
        Assert.Contains("covers 1 whole week (forecast.horizon_days)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Agents per shift, week by week", result.Output, StringComparison.Ordinal);
        Assert.Contains("Workload per channel", result.Output, StringComparison.Ordinal);
        Assert.Contains("Agent productivity", result.Output, StringComparison.Ordinal);
        Assert.Contains("scheduled  required / (1 − shrinkage)", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, data.Run("capacity", "--weeks", "0").ExitCode);
    }
}
