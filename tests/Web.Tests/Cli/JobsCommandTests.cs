using System.Diagnostics;
using System.Text.Json;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Tests.Jobs;

namespace SupportLens.Web.Tests.Cli;

public sealed class JobsCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Data => Path.Combine(_dir.Path, "data");

    [Fact]
    public void List_shows_each_schedule_its_next_run_and_last_run_as_json()
    {
        var config = JobsConfig.Write(_dir.File("config.json"));
        Assert.Equal(0, CliRunner.Run("ingest", "--kind", "clients", "--data", Data, Path.Combine(AppContext.BaseDirectory, "sample-data", "clients.csv")).ExitCode);
        Assert.Equal(0, CliRunner.Run("jobs", "run", "weekly-quality", "--week", "2026-W40", "--data", Data, "--config", config).ExitCode);

        var list = CliRunner.Run("jobs", "list", "--json", "--data", Data, "--config", config);
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Output);
        var root = json.RootElement;
        Assert.Equal("America/New_York", root.GetProperty("time_zone").GetString());
        Assert.Equal(["refresh", "weekly-quality", "monthly-reports"], root.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("name").GetString()));
        var weekly = root.GetProperty("jobs")[1];
        Assert.Equal("0 6 * * 1", weekly.GetProperty("schedule").GetString());
        Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(weekly.GetProperty("next_run").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DayOfWeek);
        var last = weekly.GetProperty("last_run");
        Assert.Equal(("2026-W40", "succeeded", "manual", 1), (last.GetProperty("period").GetString(), last.GetProperty("status").GetString(),
            last.GetProperty("reason").GetString(), last.GetProperty("attempt").GetInt32()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("jobs")[0].GetProperty("last_run").ValueKind);
        Assert.Equal(4, root.GetProperty("deliveries").GetProperty("sent").GetInt32());   // four reports to the one QA address

        var text = CliRunner.Run("jobs", "list", "--data", Data, "--config", config).Output;
        Assert.Contains("last run: 2026-W40 succeeded (manual, attempt 1", text, StringComparison.Ordinal);
        Assert.Contains("Deliveries: 4 sent, 0 pending", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nightly", "", "unknown job \"nightly\"; jobs are refresh, weekly-quality, monthly-reports")]
    [InlineData("monthly-reports", "--week 2026-W40", "monthly-reports covers a month: use --month YYYY-MM")]
    [InlineData("refresh", "--month 2026-10", "refresh covers no period")]
    [InlineData("weekly-quality", "--week 2026-10", "--week takes an ISO week like 2026-W47")]
    [InlineData("monthly-reports", "--month 2026-13", "'2026-13' is not a month like 2026-10")]
    public void Bad_usage_exits_2_with_the_reason(string job, string options, string message)
    {
        var result = CliRunner.Run(["jobs", "run", job, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--data", Data]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_exits_1_and_leaves_its_retry_in_the_ledger()
    {
        var config = JobsConfig.Write(_dir.File("config.json"), smtpPort: TestSmtpServer.FreePort());
        var result = CliRunner.Run("jobs", "run", "weekly-quality", "--week", "2026-W40", "--data", Data, "--config", config);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("weekly-quality 2026-W40 failed: DeliveryIncompleteException: 4 deliveries not made", result.Error, StringComparison.Ordinal);
        Assert.Contains("next attempt at", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_on_this_machine_that_is_gone_is_known_to_be_gone()
    {
        var node = JobNode.Current;
        Assert.NotNull(node.Liveness);
        Assert.False(node.IsGone(node.Liveness!));
        using var sleeper = Process.Start("sleep", "30");
        var liveness = node.Liveness![..node.Liveness!.LastIndexOf(':')] + ":" + sleeper.Id;
        Assert.False(node.IsGone(liveness));
        sleeper.Kill();
        sleeper.WaitForExit();
        Assert.True(node.IsGone(liveness));
        Assert.False(node.IsGone("other-host/pid:[1]:" + sleeper.Id));   // another machine's process: only its lease tells
    }
}
