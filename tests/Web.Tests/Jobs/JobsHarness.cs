using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportLens.Ingest;
using SupportLens.Web.Composition;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Reports;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Tests.Jobs;

/// <summary>
/// One SupportLens "process" for job tests: the composition root on a data directory and configuration, a fake clock,
/// the test renderer, and a node name of its own. Two harnesses on one data directory share the ledgers in jobs.db the
/// way two processes on one machine do.
/// </summary>
internal sealed class JobsHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public JobsHarness(string dataDirectory, string configPath, FakeTimeProvider time, string node = "node-a", TestRenderer? renderer = null,
        IUserContacts? users = null)
    {
        DataDirectory = dataDirectory;
        Time = time;
        Renderer = renderer ?? new TestRenderer(dataDirectory);
        var services = new ServiceCollection()
            .AddSupportLens(new SupportLensOptions(dataDirectory, configPath), time)
            .AddSingleton<IReportRenderer>(Renderer)
            .AddSingleton(new JobNode(node))
            .AddSingleton<IJobWakeups>(Wakeups);
        if (users is not null)
        {
            services.AddSingleton(users);
        }

        _services = services.AddSupportLensJobRunner().BuildServiceProvider();
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public TestRenderer Renderer { get; }

    public RecordingWakeups Wakeups { get; } = new();

    public JobRunner Runner => Get<JobRunner>();

    public RunLedger Runs => Get<RunLedger>();

    public DeliveryLedger Deliveries => Get<DeliveryLedger>();

    public JobLocks Locks => Get<JobLocks>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Loads the sample clients (40, with their success managers) into the warehouse.</summary>
    public JobsHarness WithSampleClients()
    {
        var report = Get<Ingestor>().Ingest(Path.Combine(AppContext.BaseDirectory, "sample-data", "clients.csv"), new IngestRequest(IngestKind.Clients));
        Assert.Equal("loaded", report.Status);
        return this;
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>The wake-ups a runner asked for, in order.</summary>
internal sealed class RecordingWakeups : IJobWakeups
{
    private readonly List<(JobKind Job, DateTimeOffset At)> _wakeups = [];

    public IReadOnlyList<(JobKind Job, DateTimeOffset At)> All
    {
        get
        {
            lock (_wakeups)
            {
                return [.. _wakeups];
            }
        }
    }

    public void WakeAt(JobKind job, DateTimeOffset at)
    {
        lock (_wakeups)
        {
            _wakeups.Add((job, at));
        }
    }
}
