using SupportLens.Web.Tests.Cli;

namespace SupportLens.Web.Tests.SampleData;

public sealed class ScaleTests
{
    [Fact]
    public void Scale_streams_exactly_the_number_of_tickets_asked_for_and_only_clients_and_tickets()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("sample-data", "--scale", "50000", "--out", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(50_001, File.ReadLines(Path.Combine(dir.Path, "tickets.csv")).Count());
        Assert.Equal(41, File.ReadLines(Path.Combine(dir.Path, "clients.csv")).Count());
        Assert.Equal(new[] { "clients.csv", "tickets.csv" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
        var ids = File.ReadLines(Path.Combine(dir.Path, "tickets.csv")).Skip(1).Select(l => l[..l.IndexOf(',')]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_bad_date_or_scale_is_bad_usage()
    {
        Assert.Equal(2, CliRunner.Run("sample-data", "--today", "next tuesday").ExitCode);
        Assert.Equal(2, CliRunner.Run("sample-data", "--scale", "0").ExitCode);
    }
}
