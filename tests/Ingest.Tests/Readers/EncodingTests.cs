using System.Text;

namespace SupportLens.Ingest.Tests.Readers;

/// <summary>
/// The encodings real exports come in: UTF-8 with or without BOM, Excel's "Unicode text" (UTF-16 with BOM), legacy
/// Windows-1252 from older tools, and a UTF-8 export with one line pasted in from elsewhere.
/// </summary>
public sealed class EncodingTests
{
    private const string Header = "ticket_id,client_id,created_at,channel,status,category\n";

    private static string Category(IngestFixture f, string id) =>
        (string)f.Scalar($"SELECT category FROM tickets WHERE ticket_id = '{id}'")!;

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Json_with_a_byte_order_mark_is_read_as_json(string encoding)
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var json = """
            {"tickets": [
              {"ticket_id": "J1", "client_id": "C1", "created_at": "2026-11-02T09:00:00Z", "channel": "email", "status": "open", "category": "Zürich – €"}
            ]}
            """;
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)],
            _ => (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(json)],
        };
        var path = Path.Combine(f.Directory, "t.json");
        File.WriteAllBytes(path, bytes);
        var report = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal(("loaded", 1L), (report.Status, report.RowsLoaded));
        Assert.Equal("Zürich – €", Category(f, "J1"));
    }

    [Fact]
    public void Excel_unicode_text_utf16_with_tabs_loads_with_its_accents()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var text = (Header + "T1,C1,2026-11-02T09:00:00Z,email,open,Café – €5\n").Replace(',', '\t').Replace("\n", "\r\n");
        var path = Path.Combine(f.Directory, "t.txt");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var report = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal(1, report.RowsLoaded);
        Assert.Equal("Café – €5", Category(f, "T1"));
        Assert.Null(report.Message);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_read_as_windows_1252_and_the_report_says_so_with_the_line()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        // Bytes 0x80 (€) and 0x96 (–) are Windows-1252 punctuation; read as Latin-1 they would be invisible controls.
        var cp1252 = CodePages.Windows1252;
        var text = Header + "T1,C1,2026-11-02T09:00:00Z,email,open,plain\nT2,C1,2026-11-02T09:00:00Z,email,open,Café – €5 refund\n";
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", text, cp1252));
        Assert.Equal(2, report.RowsLoaded);
        Assert.Equal("Café – €5 refund", Category(f, "T2"));
        Assert.Equal("the file is not UTF-8 (line 3 has the byte 0xE9, which UTF-8 does not allow there): read as Windows-1252", report.Message);
        Assert.Equal(report.Message, f.Scalar($"SELECT message FROM ingest_batches WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void A_utf8_file_with_a_line_in_another_encoding_quarantines_that_line_and_keeps_the_others_intact()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var bytes = Encoding.UTF8.GetBytes(Header + "T1,C1,2026-11-02T09:00:00Z,email,open,Zürich\n")
            .Concat(CodePages.Windows1252.GetBytes("T2,C1,2026-11-02T09:00:00Z,email,open,Café\n"))
            .Concat(Encoding.UTF8.GetBytes("T3,C1,2026-11-02T09:00:00Z,email,open,Genève\n"))
            .ToArray();
        var path = Path.Combine(f.Directory, "t.csv");
        File.WriteAllBytes(path, bytes);
        var report = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal(("loaded", 2L, 1L), (report.Status, report.RowsLoaded, report.RowsRejected));
        Assert.Equal("Zürich", Category(f, "T1"));
        Assert.Equal("Genève", Category(f, "T3"));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3L, "category", "Caf\\xE9"), (error.Line, error.Column, error.Value));
        Assert.Equal("category is not valid UTF-8 (the byte 0xE9), though the rest of the file is: the line comes from another encoding; save the export as UTF-8", error.Reason);
    }
}

/// <summary>Windows code pages, which .NET only has through the code pages provider.</summary>
internal static class CodePages
{
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
