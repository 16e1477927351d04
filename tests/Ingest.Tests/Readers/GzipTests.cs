using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SupportLens.Ingest.Tests.Readers;

/// <summary>A damaged compressed file is refused whole: a prefix of an export must never load as if it were all of it.</summary>
public sealed class GzipTests
{
    private static string Tickets(int from, int count)
    {
        var csv = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},C{1 + (i % 2)},2024-03-01T09:00:00Z,email,open,comment number {i * 7919 % 10007}\n");
        }
        return csv.ToString();
    }

    private const string Header = "ticket_id,client_id,created_at,channel,status,category\n";

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return memory.ToArray();
    }

    private static IngestReport Load(IngestFixture f, string name, byte[] bytes)
    {
        var path = Path.Combine(f.Directory, name);
        File.WriteAllBytes(path, bytes);
        return f.Ingest(IngestKind.Tickets, path);
    }

    private static void AssertRejected(IngestFixture f, IngestReport report, string because)
    {
        Assert.Equal("rejected", report.Status);
        Assert.Equal(0, report.RowsLoaded);
        Assert.Contains(because, report.Message);
        Assert.Equal(0L, f.Count("SELECT count(*) FROM tickets"));
        Assert.Equal("rejected", f.Scalar($"SELECT status FROM ingest_batches WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void A_truncated_gzip_is_rejected_whole_and_nothing_loads()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var whole = Gzip(Header + Tickets(0, 50_000));
        var report = Load(f, "t.csv.gz", whole[..(whole.Length * 6 / 10)]);
        AssertRejected(f, report, "truncated");
        // Cut inside the 8-byte trailer too: every byte of content is there, but the file is not whole.
        AssertRejected(f, Load(f, "t2.csv.gz", whole[..^3]), "truncated");
    }

    [Fact]
    public void A_gzip_with_a_damaged_byte_is_rejected()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var bytes = Gzip(Header + Tickets(0, 5_000));
        bytes[^6] ^= 0x01; // the CRC-32 of the content
        AssertRejected(f, Load(f, "t.csv.gz", bytes), "damaged");
    }

    [Fact]
    public void Multi_member_gzip_loads_whole_and_a_damaged_or_truncated_later_member_rejects_it()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var first = Gzip(Header + Tickets(0, 3_000));
        var second = Gzip(Tickets(3_000, 3_000));
        var whole = Load(f, "whole.csv.gz", [.. first, .. second]);
        Assert.Equal(("loaded", 6_000L), (whole.Status, whole.RowsLoaded));

        using var g = new IngestFixture();
        g.LoadClients();
        AssertRejected(g, Load(g, "cut.csv.gz", [.. first, .. second[..(second.Length / 2)]]), "truncated");
        var damaged = second.ToArray();
        damaged[^5] ^= 0x40; // the length in the second member's trailer
        AssertRejected(g, Load(g, "damaged.csv.gz", [.. first, .. damaged]), "damaged");
        AssertRejected(g, Load(g, "header.csv.gz", [.. first, 0x1F, 0x8B, 0x08]), "truncated");
    }

    [Fact]
    public void A_gzip_followed_by_other_bytes_is_rejected()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var bytes = Gzip(Header + Tickets(0, 1_000));
        var report = Load(f, "t.csv.gz", [.. bytes, .. "T9999,C1,2024-03-01T09:00:00Z,email,open,x\n"u8.ToArray()]);
        AssertRejected(f, report, "trailing");
        Assert.Contains(bytes.Length.ToString(CultureInfo.InvariantCulture), report.Message);
    }
}
