namespace SupportLens.Web.Tests.Cli;

/// <summary>The `sample-data` verb: its options reach the generator (tested in SampleData.Tests) and bad ones are refused.</summary>
public sealed class SampleDataCommandTests
{
    [Fact]
    public void Scale_writes_clients_and_exactly_that_many_tickets_into_out()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("sample-data", "--scale", "2000", "--seed", "7", "--out", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2_001, File.ReadLines(dir.File("tickets.csv")).Count());
        Assert.Equal(41, File.ReadLines(dir.File("clients.csv")).Count());
        Assert.Matches(@"tickets\.csv\s+2,000", result.Output);
    }

    [Fact]
    public void A_bad_date_or_scale_is_bad_usage()
    {
        Assert.Equal(2, CliRunner.Run("sample-data", "--today", "next tuesday").ExitCode);
        Assert.Equal(2, CliRunner.Run("sample-data", "--scale", "0").ExitCode);
    }
}
