using System.Text.Json;
using SupportLens.Analytics.Archive;
using SupportLens.Storage;

namespace SupportLens.Web.Tests.Cli;

public sealed class ReportCommandTests
{
    /// <summary>Two clients with a few October 2026 tickets and answers: enough for every section to have something or say it has nothing.</summary>
    private static TempDirectory Warehouse()
    {
        var dir = new TempDirectory();
        using var warehouse = Storage.Warehouse.Open(dir.Path, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'generic', 'Acme Homes', 'starter'), ('B', 'generic', 'Bolt Realty', 'business');
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, first_response_at, solved_at, agent_replies, reopens, escalated) VALUES
                ('g', '1', 'A', '2026-10-05T14:00:00Z', 'email', 'solved', '2026-10-05T15:00:00Z', '2026-10-05T16:00:00Z', 1, 0, false),
                ('g', '2', 'B', '2026-10-06T14:00:00Z', 'chat', 'solved', '2026-10-06T14:10:00Z', '2026-10-06T15:00:00Z', 2, 0, true);
            INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                ('g', 'r1', '1', 'A', '2026-10-06T10:00:00Z', 5, true);
            """);
        return dir;
    }

    [Fact]
    public void Writes_the_pdf_under_the_data_directory_prints_its_path_and_records_the_run()
    {
        using var dir = Warehouse();
        var result = CliRunner.Run("report", "csat", "--month", "2026-10", "--data", dir.Path);

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(dir.Path, "reports", "2026-10", "csat.pdf");
        Assert.Equal(path, result.Output.Trim());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 4));
        using var warehouse = Storage.Warehouse.Open(dir.Path, TimeProvider.System);
        var run = Assert.Single(new ReportArchive(warehouse, TimeProvider.System).List("2026-10"));
        Assert.Equal(("csat", "succeeded", path, new FileInfo(path).Length), (run.Report, run.Status, run.Path, run.Bytes!.Value));
        Assert.True(run.Pages > 0);
    }

    [Fact]
    public void Client_health_without_a_client_writes_one_per_client_with_progress_and_json()
    {
        using var dir = Warehouse();
        using var output = new TempDirectory();
        var result = CliRunner.Run("report", "client-health", "--month", "2026-10", "--out", output.Path, "--json", "--data", dir.Path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var reports = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["A", "B"], reports.Select(r => r.GetProperty("client_id").GetString()));
        Assert.All(reports, r =>
        {
            Assert.Equal("client-health", r.GetProperty("report").GetString());
            Assert.Equal("2026-10", r.GetProperty("period").GetString());
            Assert.True(File.Exists(r.GetProperty("path").GetString()));
            Assert.Equal(output.Path, Path.GetDirectoryName(r.GetProperty("path").GetString()));
            Assert.True(r.GetProperty("pages").GetInt32() > 0);
        });
        Assert.Contains("[1/2] client-health-", result.Error);
        Assert.Contains("[2/2] client-health-", result.Error);
    }

    [Fact]
    public void One_client_is_written_on_its_own()
    {
        using var dir = Warehouse();
        var result = CliRunner.Run("report", "client-health", "--month", "2026-10", "--client", "B", "--data", dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Path.Combine(dir.Path, "reports", "2026-10", "client-health-B.pdf"), result.Output.Trim());
        Assert.DoesNotContain("[1/", result.Error);
    }

    [Fact]
    public void A_quality_report_of_an_iso_week_goes_to_the_weeks_folder()
    {
        using var dir = Warehouse();
        var result = CliRunner.Run("report", "fcr", "--week", "2026-W41", "--data", dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Path.Combine(dir.Path, "reports", "2026-W41", "fcr.pdf"), result.Output.Trim());
    }

    [Theory]
    [InlineData("report", "executive", "--week", "2026-W41")]
    [InlineData("report", "csat", "--week", "2026-10")]
    [InlineData("report", "csat", "--month", "2026-W41")]
    [InlineData("report", "csat", "--month", "2026-10", "--week", "2026-W41")]
    [InlineData("report", "weekly", "--month", "2026-10")]
    [InlineData("report", "csat", "--month", "2026-13")]
    [InlineData("report", "csat")]
    [InlineData("report", "sla", "--month", "2026-10", "--client", "A")]
    [InlineData("report", "client-health", "--month", "2026-10", "--client", "Z")]
    public void Bad_usage_exits_with_2_and_says_why(params string[] args)
    {
        using var dir = Warehouse();
        var result = CliRunner.Run([.. args, "--data", dir.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
        Assert.Empty(result.Output);
    }
}
