namespace SupportLens.Ingest.Tests.Readers;

public sealed class CsvHeaderTests
{
    [Fact]
    public void A_column_the_profile_reads_twice_in_the_header_refuses_the_file_naming_it()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv",
            "ticket_id,client_id,created_at,channel,status,Status \nT1,C1,2024-03-01T09:00:00Z,email,open,solved\n"));
        Assert.Equal("rejected", report.Status);
        Assert.Equal("the header has the column 'status' twice (columns 5 and 6, matched ignoring case and surrounding spaces): " +
                     "which one holds status is ambiguous; rename or remove one", report.Message);
        Assert.Equal(0L, f.Count("SELECT count(*) FROM tickets"));
    }

    [Fact]
    public void A_mapped_column_twice_refuses_the_file_and_an_unread_column_twice_does_not()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var mapping = f.Write("m.json", """{"kind": "tickets", "fields": {"ticket_id": "Case", "client_id": {"value": "C1"}, "created_at": "Opened", "channel": {"value": "email"}, "status": "State"}}""");
        var twice = f.Ingest(IngestKind.Tickets, f.Write("a.csv", "Case,Opened,State,Note,STATE\nA1,2024-03-01T09:00:00Z,open,x,solved\n"), mapping);
        Assert.Equal("rejected", twice.Status);
        Assert.StartsWith("the header has the column 'State' twice (columns 3 and 5", twice.Message);
        var unread = f.Ingest(IngestKind.Tickets, f.Write("b.csv", "Case,Opened,State,Note,note\nA1,2024-03-01T09:00:00Z,open,x,y\n"), mapping);
        Assert.Equal(("loaded", 1L), (unread.Status, unread.RowsLoaded));
    }
}
