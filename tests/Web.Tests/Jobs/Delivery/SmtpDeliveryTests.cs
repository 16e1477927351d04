using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Tests.Cli;

namespace SupportLens.Web.Tests.Jobs.Delivery;

/// <summary>
/// `supportlens jobs run monthly-reports` against a real SMTP server on loopback: each PDF once to each recipient, also when
/// the process is killed mid-run and run again.
/// </summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private const string Month = "2026-10";

    private readonly TempDirectory _dir = new();
    private readonly TestSmtpServer _smtp = new(TestSmtpServer.FreePort());
    private readonly string _config;

    public SmtpDeliveryTests()
    {
        _config = JobsConfig.Write(_dir.File("config.json"), smtpPort: _smtp.Port);
        Assert.Equal(0, CliRunner.Run("ingest", "--kind", "clients", "--data", Data, "--config", _config,
            Path.Combine(AppContext.BaseDirectory, "sample-data", "clients.csv")).ExitCode);
    }

    private string Data => Path.Combine(_dir.Path, "data");

    public void Dispose()
    {
        _ledger?.Dispose();
        _smtp.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void The_monthly_run_delivers_each_pdf_once_to_each_recipient()
    {
        // Users with an email and the right role are recipients too, besides the configured lists.
        Assert.Equal(0, CliRunner.Run("users", "add", "Ana Ruiz", "--role", "executive", "--email", "Ana.Ruiz@example.com", "--data", Data).ExitCode);
        Assert.Equal(0, CliRunner.Run("users", "add", "Lee", "--role", "success-manager", "--clients", "C-001", "--email", "lee@example.com", "--data", Data).ExitCode);
        var run = CliRunner.Run("jobs", "run", "monthly-reports", "--month", Month, "--data", Data, "--config", _config);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var expected = Expected();
        AssertDeliveredOnce(expected);

        // The executive pack to both configured executives and the executive user; each success manager gets exactly the
        // client-health PDFs of their clients.
        Assert.Equal(["ana.ruiz@example.com", "ceo@example.com", "coo@example.com"], _smtp.Messages.Where(m => m.Report == "executive").Select(m => m.To).Order());
        Assert.Equal(["client-health/C-001"], _smtp.Messages.Where(m => m.To == "lee@example.com").Select(m => m.Report));
        var sofia = SampleClients().Where(c => c.Manager == "Sofia Marquez").Select(c => $"client-health/{c.Id}").ToHashSet();
        Assert.Equal(sofia.Intersect(expected.Select(e => e.Key.Report)).Order(),
            _smtp.Messages.Where(m => m.To == "sofia.marquez@example.com").Select(m => m.Report).Order());
        Assert.All(_smtp.Messages, m => Assert.StartsWith("%PDF-1.4", Encoding.Latin1.GetString(m.Attachment[..8]), StringComparison.Ordinal));
        Assert.Contains(_smtp.Messages, m => m.Subject == "SupportLens: Client health, Shamrock Homes (C-001), October 2026");

        // Running it again renders again and sends nothing.
        var again = CliRunner.Run("jobs", "run", "monthly-reports", "--month", Month, "--data", Data, "--config", _config);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 delivered, 0 failed, 0 not tried", again.Output, StringComparison.Ordinal);
        Assert.Equal(expected.Count, _smtp.Messages.Count);
    }

    [Fact]
    public void Killing_the_run_mid_delivery_and_running_it_again_delivers_the_rest_and_duplicates_nothing()
    {
        // The SMTP server kills the process when it starts its 11th message: ten were acknowledged (and recorded sent),
        // the 11th was claimed in the ledger but never accepted.
        using var child = Start();
        _smtp.OnMailFrom = n =>
        {
            if (n == 11)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
        };
        Assert.True(child.WaitForExit(120_000));
        _smtp.OnMailFrom = null;
        Assert.NotEqual(0, child.ExitCode);
        Assert.Equal(10, _smtp.Messages.Count);

        using (var rerun = Start())
        {
            Assert.True(rerun.WaitForExit(120_000));
            Assert.True(rerun.ExitCode == 0, rerun.StandardOutput.ReadToEnd() + rerun.StandardError.ReadToEnd());
        }

        AssertDeliveredOnce(Expected());
        var runs = Ledger().Runs.Recent(10, "monthly-reports");
        Assert.Equal([RunStatus.Succeeded, RunStatus.Interrupted], runs.Select(r => r.Status));
        Assert.Equal(1, Ledger().Deliveries.ForPeriod("monthly-reports", Month).Count(d => d.Attempts == 2));   // the one in flight
    }

    [Fact]
    public void A_kill_between_the_servers_acceptance_and_the_ledger_write_resends_that_message_with_the_same_message_id()
    {
        // The window no client can close: the 11th message is stored by the server, and the process dies before it reads "250 OK".
        using var child = Start();
        _smtp.OnStored = (_, count) =>
        {
            if (count == 11)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
        };
        Assert.True(child.WaitForExit(120_000));
        _smtp.OnStored = null;
        using (var rerun = Start())
        {
            Assert.True(rerun.WaitForExit(120_000));
            Assert.Equal(0, rerun.ExitCode);
        }

        // Resent once, identically identified, so the mail store can drop the copy; every other key exactly once.
        var expected = Expected();
        Assert.Equal(expected.Count + 1, _smtp.Messages.Count);
        var twice = Assert.Single(_smtp.Messages.GroupBy(m => m.MessageId), g => g.Count() == 2);
        Assert.Equal(_smtp.Messages[10].MessageId, twice.Key);
        Assert.Single(twice.Select(m => (m.Report, m.To)).Distinct());
        Assert.Equal(expected.Count, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(Ledger().Deliveries.ForPeriod("monthly-reports", Month), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    /// <summary>Every planned delivery was received exactly once, with the Message-ID the ledger gave it.</summary>
    private void AssertDeliveredOnce(IReadOnlyList<ReportDelivery> expected)
    {
        Assert.Equal(expected.Count, _smtp.Messages.Count);
        Assert.Equal(expected.Select(d => (d.Key.Report, d.Key.Recipient, d.MessageId)).Order(),
            _smtp.Messages.Select(m => (m.Report, m.To, m.MessageId)).Order());
        Assert.All(expected, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.All(_smtp.Messages, m => Assert.Equal(Month, m.Period));
    }

    private IReadOnlyList<ReportDelivery> Expected()
    {
        var deliveries = Ledger().Deliveries.ForPeriod("monthly-reports", Month);
        var users = deliveries.Count(d => d.Key.Recipient is "ana.ruiz@example.com" or "lee@example.com");
        Assert.Equal(2 + Directory.GetFiles(Path.Combine(Data, "reports", Month), "client-health-*.pdf").Length + users, deliveries.Count);
        return deliveries;
    }

    private JobsHarness Ledger() => _ledger ??= new JobsHarness(Data, _config, new FakeTimeProvider(TimeProvider.System.GetUtcNow()));

    private JobsHarness? _ledger;

    private Process Start() => Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { Path.Combine(AppContext.BaseDirectory, "supportlens.dll"), "jobs", "run", "monthly-reports", "--month", Month, "--data", Data, "--config", _config },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;

    private static IEnumerable<(string Id, string Manager)> SampleClients() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "sample-data", "clients.csv")).Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[5]));
}
