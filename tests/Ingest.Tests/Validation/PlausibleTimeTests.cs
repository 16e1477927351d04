namespace SupportLens.Ingest.Tests.Validation;

/// <summary>
/// Exports write placeholders where a time is unknown: .NET's DateTime.MinValue, Excel's day zero, the Unix epoch, a
/// "never" of 9999-12-31. Taken as times, one such ticket stretches every daily series over centuries, so they are
/// rejected as implausible, naming the field.
/// </summary>
public sealed class PlausibleTimeTests
{
    [Fact]
    public void Placeholder_timestamps_are_quarantined_as_implausible_and_real_ones_load()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = """
            ticket_id,client_id,created_at,channel,status,solved_at
            T1,C1,0001-01-01T00:00:00Z,email,open,
            T2,C1,1899-12-30 00:00:00,email,open,
            T3,C1,1970-01-01T00:00:00Z,email,open,
            T4,C1,9999-12-31T23:59:59Z,email,open,
            T5,C1,2024-03-01T09:00:00Z,email,solved,9999-12-31T00:00:00Z
            T6,C1,1990-05-01T09:00:00Z,email,open,
            T7,C1,2099-12-31T23:00:00Z,email,open,
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv));
        Assert.Equal((2L, 5L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal([(2L, "created_at", "0001-01-01T00:00:00Z"), (3L, "created_at", "1899-12-30 00:00:00"), (4L, "created_at", "1970-01-01T00:00:00Z"),
                      (5L, "created_at", "9999-12-31T23:59:59Z"), (6L, "solved_at", "9999-12-31T00:00:00Z")],
            report.Errors.Select(e => (e.Line, e.Column!, e.Value!)));
        Assert.Equal("created_at is implausible: a time must fall between 1970-01-02 and 2099-12-31 " +
                     "(0001-01-01, 1899-12-30, 1970-01-01 and 9999-12-31 are placeholders exports write for no time)", report.Errors[0].Reason);
        Assert.Equal(2L, f.Count("SELECT count(*) FROM tickets WHERE ticket_id IN ('T6', 'T7')"));
    }

    [Fact]
    public void Placeholders_whose_offset_or_zone_would_take_them_past_the_calendar_are_quarantined_not_a_crash()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = """
            ticket_id,client_id,created_at,channel,status
            T1,C1,0001-01-01T00:00:00+01:00,email,open
            T2,C1,9999-12-31T23:59:59-01:00,email,open
            T3,C1,0001-01-01 00:00:00,email,open
            T4,C1,9999-12-31 23:30:00,email,open
            T5,C1,2026-11-02 09:00:00,email,open
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv), timezone: "Asia/Tokyo");
        Assert.Equal((1L, 4L), (report.RowsLoaded, report.RowsRejected));
        Assert.All(report.Errors, e => Assert.StartsWith("created_at is implausible", e.Reason));

        // A first reply "minutes after creation" that runs past the calendar.
        var mapping = f.Write("m.json", """{"kind": "tickets", "fields": {"ticket_id": "Id", "client_id": {"value": "C1"}, "created_at": "Created", "channel": {"value": "email"}, "status": {"value": "open"}, "first_response_at": {"column": "Reply minutes", "minutes_after": "created_at"}}}""");
        var runaway = f.Ingest(IngestKind.Tickets, f.Write("z.csv", "Id,Created,Reply minutes\nZ1,2026-11-02T09:00:00Z,1e12\nZ2,2026-11-02T09:00:00Z,30\n"), mapping);
        Assert.Equal((1L, 1L), (runaway.RowsLoaded, runaway.RowsRejected));
        Assert.Equal("first_response_at is implausible: 1e12 minutes after created_at is past 2099-12-31", Assert.Single(runaway.Errors).Reason);
    }

    [Fact]
    public void Placeholder_dates_are_quarantined_too()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Clients, f.Write("c.csv",
            "client_id,name,tier,contract_start,renewal_date\nC1,Acme,starter,2020-01-01,9999-12-31\nC2,Globex,starter,1900-01-01,2027-01-01\nC3,Initech,starter,1985-06-01,2027-01-01\n"));
        Assert.Equal((1L, 2L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal([(2L, "renewal_date"), (3L, "contract_start")], report.Errors.Select(e => (e.Line, e.Column!)));
        Assert.StartsWith("renewal_date is implausible: a date must fall between 1970-01-02 and 2099-12-31", report.Errors[0].Reason);
    }
}

/// <summary>A spreadsheet's date in the generic profile is refused with the mapping-file format that would read it.</summary>
public sealed class TimeFormatHintTests
{
    [Fact]
    public void Spreadsheet_dates_and_epoch_numbers_are_refused_with_the_format_that_reads_them()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = """
            ticket_id,client_id,created_at,channel,status
            T1,C1,11/30/2026 14:05,email,open
            T2,C1,30.11.2026,email,open
            T3,C1,30/11/2026 14:05:09,email,open
            T4,C1,1795000000,email,open
            T5,C1,1795000000000,email,open
            T6,C1,yesterday,email,open
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv), timezone: "Europe/Berlin");
        const string Iso = "created_at must be an ISO-8601 timestamp (e.g. 2024-03-01T09:30:00Z, or naive in Europe/Berlin)";
        Assert.Equal(
        [
            $"{Iso}; to read times like '11/30/2026 14:05', map the column in a mapping file with \"format\": \"MM/dd/yyyy HH:mm\"",
            $"{Iso}; to read times like '30.11.2026', map the column in a mapping file with \"format\": \"dd.MM.yyyy\"",
            $"{Iso}; to read times like '30/11/2026 14:05:09', map the column in a mapping file with \"format\": \"dd/MM/yyyy HH:mm:ss\"",
            $"{Iso}; to read times like '1795000000', map the column in a mapping file with \"format\": \"unix\"",
            $"{Iso}; to read times like '1795000000000', map the column in a mapping file with \"format\": \"unix_ms\"",
            Iso,
        ], report.Errors.Select(e => e.Reason));
    }
}
