using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Tests.Dashboard;

public sealed class DashboardCacheTests
{
    [Fact]
    public async Task Callers_asking_for_the_same_missing_answer_at_once_share_one_computation()
    {
        using var cache = new DashboardCache();
        var computations = 0;
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        string Compute()
        {
            Interlocked.Increment(ref computations);
            started.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return "answer";
        }

        var first = Task.Run(() => cache.GetOrCreate("v1|metrics", Compute));
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var second = Task.Run(() => cache.GetOrCreate("v1|metrics", Compute));
        // The second caller is waiting on the first one's computation, not running its own.
        await Task.Delay(200);
        Assert.False(second.IsCompleted);
        release.Set();
        Assert.Equal(["answer", "answer"], await Task.WhenAll(first, second));
        Assert.Equal(1, computations);
        Assert.Equal("answer", cache.GetOrCreate("v1|metrics", Compute));
        Assert.Equal(1, computations);
    }

    [Fact]
    public void A_failed_computation_is_not_kept_and_the_next_caller_computes_again()
    {
        using var cache = new DashboardCache();
        Assert.Throws<InvalidOperationException>(() => cache.GetOrCreate<string>("v1|health", () => throw new InvalidOperationException("database busy")));
        Assert.Equal("answer", cache.GetOrCreate("v1|health", () => "answer"));
    }
}
