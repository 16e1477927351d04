namespace SupportLens.Ingest.Tests.Validation;

/// <summary>Times as numbers: epoch seconds (with a fraction, as scripts write them) or milliseconds, and spreadsheet serial days.</summary>
public sealed class EpochAndSerialTests
{
    [Fact]
    public void Epoch_seconds_with_a_fraction_milliseconds_and_excel_serial_days_are_read_by_their_format()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var mapping = f.Write("m.json", """
            {"kind": "tickets", "timezone": "America/New_York",
             "fields": {"ticket_id": "Id", "client_id": {"value": "C1"}, "channel": {"value": "email"}, "status": {"value": "open"},
                        "created_at": {"column": "Created", "format": "unix"},
                        "first_response_at": {"column": "Replied", "format": "unix_ms"},
                        "updated_at": {"column": "Changed", "format": "excel"}}}
            """);
        // 1795000000 s = 2026-11-18T11:06:40Z. Excel day 46356 is 2026-11-30 (days since 1899-12-30); .5868055556 of a day is 14:05,
        // in New York (EST, UTC-5) 19:05Z. Day 25569 is the Unix epoch: a placeholder.
        var csv = "Id,Created,Replied,Changed\n" +
                  "X1,1795000000.25,1795000060000,46356.5868055556\n" +
                  "X2,1795000000,1795000060000,25569\n" +
                  "X3,soon,1795000060000,46356\n";
        var report = f.Ingest(IngestKind.Tickets, f.Write("x.csv", csv), mapping);
        Assert.Equal((1L, 2L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 11, 6, 40, 250, TimeSpan.Zero), f.Scalar("SELECT created_at FROM tickets"));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 11, 7, 40, TimeSpan.Zero), f.Scalar("SELECT first_response_at FROM tickets"));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 19, 5, 0, TimeSpan.Zero), f.Scalar("SELECT updated_at FROM tickets"));
        Assert.Equal([(3L, "Changed", "updated_at is implausible"), (4L, "Created", "created_at does not match the format unix")],
            report.Errors.Select(e => (e.Line, e.Column!, e.Reason.Split(':')[0])));
    }
}
