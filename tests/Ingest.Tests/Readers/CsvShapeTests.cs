namespace SupportLens.Ingest.Tests.Readers;

/// <summary>
/// The shapes spreadsheet-saved CSV comes in: a trailing delimiter on the data rows but not the header (or the other way
/// round), rows of empty cells Excel leaves below the data, lines of spaces, and records that really are short or long.
/// </summary>
public sealed class CsvShapeTests
{
    private const string Header = "ticket_id,client_id,created_at,channel,status";

    [Fact]
    public void Trailing_delimiters_on_the_rows_or_on_the_header_alone_load()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var rows = f.Ingest(IngestKind.Tickets, f.Write("rows.csv", $"{Header}\nT1,C1,2026-11-02T09:00:00Z,email,open,\nT2,C1,2026-11-02T09:00:00Z,email,open,,\n"));
        Assert.Equal(("loaded", 2L, 0L), (rows.Status, rows.RowsLoaded, rows.RowsRejected));
        var header = f.Ingest(IngestKind.Tickets, f.Write("header.csv", $"{Header},\r\nT3,C1,2026-11-02T09:00:00Z,email,open\r\n"));
        Assert.Equal(("loaded", 1L, 0L), (header.Status, header.RowsLoaded, header.RowsRejected));
    }

    [Fact]
    public void Rows_of_empty_cells_and_lines_of_spaces_are_blank_lines_not_records()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", $"{Header}\nT1,C1,2026-11-02T09:00:00Z,email,open\n   \n,,,,\nT2,C1,2026-11-02T09:00:00Z,email,open\n, , ,,\n,,,,\n"));
        Assert.Equal(("loaded", 2L, 2L, 0L), (report.Status, report.RowsRead, report.RowsLoaded, report.RowsRejected));
    }

    [Fact]
    public void The_header_repeated_where_exports_were_joined_is_not_a_record()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        // Two daily exports joined as `cat monday.csv.gz tuesday.csv.gz` (a valid two-member gzip) and as `cat` of the CSVs.
        var monday = $"{Header}\nT1,C1,2026-11-02T09:00:00Z,email,open\n";
        var tuesday = $"\uFEFF{Header.ToUpperInvariant().Replace(",", " , ")}\nT2,C1,2026-11-03T09:00:00Z,email,open\n";
        var path = Path.Combine(f.Directory, "week.csv.gz");
        File.WriteAllBytes(path, [.. Gzip(monday), .. Gzip(tuesday)]);
        var gzip = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal(("loaded", 2L, 2L, 0L), (gzip.Status, gzip.RowsRead, gzip.RowsLoaded, gzip.RowsRejected));
        var joined = f.Ingest(IngestKind.Tickets, f.Write("week.csv", monday + tuesday));
        Assert.Equal(("loaded", 2L, 0L), (joined.Status, joined.RowsRead, joined.RowsRejected));
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(memory, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }
        return memory.ToArray();
    }

    [Fact]
    public void A_record_short_of_named_columns_or_with_values_beyond_the_header_is_quarantined_saying_which()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv",
            $"{Header},category\nT1,C1,2026-11-02T09:00:00Z,email\nT2,C1,2026-11-02T09:00:00Z,email,open,billing,extra\nT3,C1,2026-11-02T09:00:00Z,email,open,billing\n"));
        Assert.Equal((1L, 2L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal([2L, 3L], report.Errors.Select(e => e.Line));
        Assert.Equal("malformed CSV: the record has 4 fields and the header 6 (status, category missing)", report.Errors[0].Reason);
        Assert.Equal("malformed CSV: the record has 7 fields and the header 6 (field 7 'extra' has no column)", report.Errors[1].Reason);
    }
}
