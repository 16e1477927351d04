using SupportLens.Web.Cli;

namespace SupportLens.Web.Tests.Cli;

public sealed class SupportLensCliTests
{
    /// <summary>A clock that fails when read: stands in for any defect deep inside a command.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("the clock broke");
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_on_stderr_and_exit_code_1_not_a_stack_trace()
    {
        using var dir = new TempDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = SupportLensCli.Run(["refresh", "--data", dir.Path], output, error, new BrokenClock());

        Assert.Equal(SupportLensCli.Failed, code);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("supportlens: internal error: InvalidOperationException: the clock broke in ", line);
        Assert.Contains("please report it", line);
        Assert.DoesNotContain("   at ", error.ToString());
    }
}
