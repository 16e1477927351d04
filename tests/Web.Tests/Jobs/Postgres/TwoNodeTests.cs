using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Running;
using SupportLens.Web.Tests.Cli;

namespace SupportLens.Web.Tests.Jobs.Postgres;

/// <summary>
/// jobs.storage = postgresql: several SupportLens processes share one schedule through Hangfire's PostgreSQL storage and
/// one set of ledgers, and every job period runs once.
/// </summary>
public sealed class TwoNodeTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IDisposable
{
    private const string Variable = "SUPPORTLENS_TEST_JOBS_POSTGRES";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Two_worker_processes_share_one_schedule_and_run_each_period_once()
    {
        var connection = cluster.CreateDatabase();
        Environment.SetEnvironmentVariable(Variable, connection);
        using var smtp = new TestSmtpServer(TestSmtpServer.FreePort());
        // Refresh every 2 s (each occurrence its own run) and the monthly pack every 3 s (every occurrence stands for the
        // same last complete month, which must go out once).
        var config = JobsConfig.Write(_dir.File("config.json"), jobs =>
        {
            jobs["storage"]!["kind"] = "postgresql";
            jobs["storage"]!["connection_string_env"] = Variable;
            jobs["schedules"]!["refresh"] = "*/2 * * * * *";
            jobs["schedules"]!["monthly_reports"] = "*/3 * * * * *";
        }, smtp.Port);
        var nodes = new[] { "a", "b" }.Select(n => Path.Combine(_dir.Path, n)).ToList();
        foreach (var data in nodes)
        {
            Assert.Equal(0, CliRunner.Run("ingest", "--kind", "clients", "--no-refresh", "--data", data, "--config", config,
                Path.Combine(AppContext.BaseDirectory, "sample-data", "clients.csv")).ExitCode);
        }

        using var ledger = new JobsHarness(nodes[0], config, new FakeTimeProvider(TimeProvider.System.GetUtcNow()), "observer");
        var workers = nodes.Select(data => Worker.Start(data, config, connection)).ToList();
        try
        {
            Assert.All(workers, w => Assert.True(w.Started.Wait(TimeSpan.FromSeconds(60)), w.Log));
            var month = ledger.Get<JobCatalog>().PeriodOf(ledger.Get<JobCatalog>()[JobKind.MonthlyReports], TimeProvider.System.GetUtcNow()).Key;
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
            while (TimeProvider.System.GetUtcNow() < deadline && !(Succeeded(ledger, "monthly-reports") >= 1 && Succeeded(ledger, "refresh") >= 6))
            {
                await Task.Delay(500);
            }

            await Task.Delay(6000);   // two more monthly occurrences and three refreshes, which must not repeat anything
            Assert.Equal(2, Servers(connection));

            Kill(workers);
            var refreshes = ledger.Runs.Recent(1000, "refresh").OrderBy(r => r.StartedAt).ToList();
            Assert.True(refreshes.Count >= 6, string.Join("\n", workers.Select(w => w.Log)));
            Assert.All(refreshes.GroupBy(r => r.Period), g => Assert.Single(g));
            Assert.All(refreshes.Where(r => r.Status != RunStatus.Running), r => Assert.Equal(RunStatus.Succeeded, r.Status));
            for (var i = 1; i < refreshes.Count; i++)
            {
                // Never two refreshes at once, whichever node ran them.
                Assert.True(refreshes[i].StartedAt >= refreshes[i - 1].FinishedAt, $"{refreshes[i - 1]} overlaps {refreshes[i]}");
            }

            var monthly = Assert.Single(ledger.Runs.Recent(100, "monthly-reports"));
            Assert.Equal((month, RunStatus.Succeeded), (monthly.Period, monthly.Status));
            var deliveries = ledger.Deliveries.ForPeriod("monthly-reports", month);
            Assert.True(deliveries.Count > 2);
            Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
            Assert.Equal(deliveries.Select(d => (d.Key.Report, d.Key.Recipient)).Order(), smtp.Messages.Select(m => (m.Report, m.To)).Order());

            // Both nodes took part: Hangfire handed the shared schedule's triggers to the servers of both processes.
            Assert.Equal(2, ProcessingServers(connection));
        }
        finally
        {
            Kill(workers);
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void The_ledgers_and_locks_work_the_same_on_postgresql()
    {
        var connection = cluster.CreateDatabase();
        var variable = $"{Variable}_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, connection);
        try
        {
            var config = JobsConfig.Write(_dir.File("pg.json"), jobs =>
            {
                jobs["storage"]!["kind"] = "postgresql";
                jobs["storage"]!["connection_string_env"] = variable;
            });
            var data = Path.Combine(_dir.Path, "data");
            var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-08-15T12:00:00Z"));
            var renderer = new TestRenderer(data);
            var nodes = Enumerable.Range(0, 3).Select(i => new JobsHarness(data, config, time, $"node-{i}", renderer)).ToList();
            try
            {
                nodes[0].WithSampleClients().Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp);
                time.SetUtcNow(DateTimeOffset.Parse("2026-11-02T12:00:00Z"));   // August, September and October due

                var runs = nodes.AsParallel().WithDegreeOfParallelism(3)
                    .SelectMany(n => Enumerable.Range(0, 3).SelectMany(_ => n.Runner.RunDue(JobKind.MonthlyReports, RunReasons.CatchUp))).ToList();

                Assert.Equal(["2026-08", "2026-09", "2026-10"], runs.Select(r => r.Period).Order());
                Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
                Assert.Equal(1, renderer.MaxConcurrent);
                var sent = nodes[1].Deliveries.Overview(1000);
                Assert.All(sent, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
                Assert.Equal(sent.Count, Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml", SearchOption.AllDirectories).Length);
            }
            finally
            {
                nodes.ForEach(n => n.Dispose());
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static int Succeeded(JobsHarness ledger, string job) => ledger.Runs.Recent(1000, job).Count(r => r.Status == RunStatus.Succeeded);

    private static long Servers(string connection)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.server", db);
        return (long)command.ExecuteScalar()!;
    }

    private static long ProcessingServers(string connection)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        // A server id is "<node>:<guid>", the node being "<host>:<pid>" of its process.
        using var command = new NpgsqlCommand(
            "SELECT count(DISTINCT regexp_replace(data::jsonb->>'ServerId', ':[^:]*$', '')) FROM hangfire.state WHERE name = 'Processing'", db);
        return (long)command.ExecuteScalar()!;
    }

    private static void Kill(IEnumerable<Worker> workers)
    {
        foreach (var worker in workers)
        {
            worker.Dispose();
        }
    }

    /// <summary>A `supportlens jobs worker` child process, its output collected as it comes.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        private Worker(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Line(e.Data);
            process.ErrorDataReceived += (_, e) => Line(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public ManualResetEventSlim Started { get; } = new();

        public string Log => string.Join("\n", _lines);

        public static Worker Start(string data, string config, string connection)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "supportlens.dll"), "jobs", "worker", "--data", data, "--config", config },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment[Variable] = connection;
            return new Worker(Process.Start(start)!);
        }

        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(30_000);
            }

            _process.Dispose();
        }

        private void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            _lines.Enqueue(line);
            if (line.Contains("jobs worker", StringComparison.Ordinal) && line.Contains("started", StringComparison.Ordinal))
            {
                Started.Set();
            }
        }
    }
}
