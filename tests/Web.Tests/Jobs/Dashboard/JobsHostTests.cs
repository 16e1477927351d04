using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SupportLens.Web.Composition;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Reports;

namespace SupportLens.Web.Tests.Jobs.Dashboard;

/// <summary>The jobs in a host, on Hangfire: schedules registered with their cron and zone, missed periods caught up at start.</summary>
public sealed class JobsHostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Starting_registers_the_three_schedules_and_runs_what_was_missed_while_down()
    {
        var data = Path.Combine(_dir.Path, "data");
        var config = JobsConfig.Write(_dir.File("config.json"));
        // The service was first started 50 days ago and has been down since: last month's pack, weeks and last night's refresh were missed.
        var now = TimeProvider.System.GetUtcNow();
        using (var before = new JobsHarness(data, config, new FakeTimeProvider(now.AddDays(-50))).WithSampleClients())
        {
            foreach (var job in JobKinds.All)
            {
                before.Runs.ScheduleSince(job.Name());
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSupportLens(new SupportLensOptions(data, config), TimeProvider.System)
            .AddSingleton<IReportRenderer>(new TestRenderer(data))
            .AddSupportLensJobs();
        using var host = builder.Build();
        await host.StartAsync();

        var storage = host.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var recurring = connection.GetRecurringJobs().OrderBy(j => j.Id).ToList();
            Assert.Equal([("monthly-reports", "0 6 1 * *"), ("refresh", "0 2 * * *"), ("weekly-quality", "0 6 * * 1")], recurring.Select(j => (j.Id, j.Cron)));
            Assert.All(recurring, j => Assert.Equal("America/New_York", j.TimeZoneId));
        }

        var runs = host.Services.GetRequiredService<RunLedger>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        int Done(string job) => runs.Recent(10, job).Count(r => r.Status == RunStatus.Succeeded);
        while (TimeProvider.System.GetUtcNow() < deadline && (Done("monthly-reports") < 1 || Done("refresh") < 1 || Done("weekly-quality") < 3))
        {
            await Task.Delay(200);
        }

        await host.StopAsync();
        var catalog = host.Services.GetRequiredService<JobCatalog>();
        var monthly = Assert.Single(runs.Recent(10, "monthly-reports"));
        Assert.Equal((catalog.PeriodOf(catalog[JobKind.MonthlyReports], now).Key, RunStatus.Succeeded, RunReasons.CatchUp),
            (monthly.Period, monthly.Status, monthly.Reason));
        Assert.Equal(RunStatus.Succeeded, Assert.Single(runs.Recent(10, "refresh")).Status);
        Assert.Equal(3, runs.Recent(10, "weekly-quality").Count);   // seven missed weeks, the newest three caught up
        Assert.All(host.Services.GetRequiredService<DeliveryLedger>().Overview(1000), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }
}
