namespace SupportLens.Web.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_loads_the_embedded_history_once_and_prints_the_last_month_by_tier()
    {
        using var dir = new TempDirectory();
        var first = CliRunner.Run("demo", "--no-serve", "--data", dir.Path);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("tickets", first.Output);
        Assert.Contains("Metrics 2026-10-01 to 2026-10-31 (America/New_York)", first.Output);
        foreach (var tier in new[] { "starter", "professional", "business", "enterprise" })
        {
            Assert.Contains(tier, first.Output);
        }

        // Loading again is idempotent: nothing new, nothing updated.
        var second = CliRunner.Run("demo", "--no-serve", "--data", dir.Path);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotMatch(@"[1-9][\d,]* new", second.Output);
        Assert.DoesNotMatch(@"[1-9][\d,]* updated", second.Output);
    }
}
