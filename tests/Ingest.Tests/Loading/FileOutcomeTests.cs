namespace SupportLens.Ingest.Tests.Loading;

/// <summary>What a whole file's outcome says: a directory is named as one, and a file none of whose rows loaded is not "loaded".</summary>
public sealed class FileOutcomeTests
{
    [Fact]
    public void A_directory_given_as_a_file_is_named_as_a_directory()
    {
        using var f = new IngestFixture();
        var dir = Path.Combine(f.Directory, "exports");
        Directory.CreateDirectory(dir);
        var report = f.Ingest(IngestKind.Tickets, dir);
        Assert.Equal("rejected", report.Status);
        Assert.Contains("is a directory", report.Message);
        Assert.DoesNotContain("denied", report.Message);
    }

    [Fact]
    public void A_file_whose_every_row_is_rejected_says_so_and_is_not_loaded()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = "ticket_id,client_id,created_at,channel,status\nT1,C1,yesterday,email,open\nT2,NOPE,2024-03-01T09:00:00Z,email,open\n";
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv));
        Assert.Equal("all_rejected", report.Status);
        Assert.False(report.Loaded);
        Assert.Equal((2L, 0L, 2L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal("every row was rejected (2 of 2): nothing loaded; see the errors or `supportlens ingest quarantine " + report.BatchId + "`", report.Message);
        Assert.Equal(2, report.Errors.Count);
        Assert.Equal("all_rejected", f.Scalar($"SELECT status FROM ingest_batches WHERE batch_id = {report.BatchId}"));
        Assert.Equal(2L, f.Count($"SELECT count(*) FROM quarantine WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void A_monitoring_summary_given_as_checks_is_told_it_has_none_of_their_fields()
    {
        using var f = new IngestFixture();
        // Upptime's summary.json: daily uptime per monitor, not individual checks.
        var json = """
            [{"name":"Google","slug":"google","status":"up","uptime":"100.00%","time":99,"dailyMinutesDown":{}},
             {"name":"Hacker News","slug":"hacker-news","status":"up","uptime":"97.82%","time":356,"dailyMinutesDown":{"2022-12-08":840}}]
            """;
        var report = f.Ingest(IngestKind.Checks, f.Write("summary.json", json));
        Assert.Equal("all_rejected", report.Status);
        Assert.EndsWith(". No row has checked_at, component, ok: is this a checks export, or does it need --profile NAME or a mapping file (README, Mapping files)?",
            report.Message);
    }

    [Fact]
    public void A_file_with_only_a_header_is_loaded_with_nothing_in_it()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.Write("c.csv", "client_id,name,tier\n"));
        Assert.Equal(("loaded", 0L), (report.Status, report.RowsRead));
    }
}
