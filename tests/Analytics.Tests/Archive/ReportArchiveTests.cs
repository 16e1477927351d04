using SupportLens.Analytics.Archive;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Archive;

public sealed class ReportArchiveTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 1, 11, 0, 0, TimeSpan.Zero));

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void A_run_is_recorded_running_then_succeeded_with_its_file()
    {
        var archive = new ReportArchive(_warehouse, _time);
        var id = archive.Started("client-health", "2026-10", "C-001");
        Assert.Equal("running", Assert.Single(archive.List()).Status);

        _time.Now = _time.Now.AddSeconds(2);
        archive.Succeeded(id, "/data/reports/2026-10/client-health-C-001.pdf", 3, 450_000);

        var run = Assert.Single(archive.List("2026-10"));
        Assert.Equal(new ReportRun(id, "client-health", "2026-10", "C-001", "/data/reports/2026-10/client-health-C-001.pdf", 3, 450_000,
            new DateTimeOffset(2026, 11, 1, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 11, 0, 2, TimeSpan.Zero), "succeeded", null), run);
    }

    [Fact]
    public void Failures_keep_their_message_and_lists_filter_by_period_newest_first()
    {
        var archive = new ReportArchive(_warehouse, _time);
        var september = archive.Started("executive", "2026-09", null);
        archive.Succeeded(september, "/r/2026-09/executive.pdf", 8, 900_000);
        var october = archive.Started("sla", "2026-10", null);
        archive.Failed(october, "disk full");

        Assert.Equal(["sla", "executive"], archive.List().Select(r => r.Report));
        var failed = Assert.Single(archive.List("2026-10"));
        Assert.Equal(("failed", "disk full", (string?)null), (failed.Status, failed.Message, failed.Path));
        Assert.Empty(archive.List("2026-08"));
    }
}
