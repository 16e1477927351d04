using System.IO.Compression;
using System.Text;

namespace SupportLens.Ingest.Tests.Readers;

/// <summary>Helpdesks mail exports as zip files: one export in a zip loads; anything else is refused whole with nothing stored.</summary>
public sealed class ZipTests
{
    private const string Tickets = "ticket_id,client_id,created_at,channel,status,category\n" +
                                   "T1,C1,2026-11-02T09:00:00Z,email,open,Zürich\nT2,C2,2026-11-03T10:30:00+01:00,chat,open,refund\n";

    private static string Zip(IngestFixture f, string name, params (string Entry, string? Text)[] entries)
    {
        var path = Path.Combine(f.Directory, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            var created = zip.CreateEntry(entry, CompressionLevel.Optimal);
            if (text is not null)
            {
                using var stream = created.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return path;
    }

    [Fact]
    public void A_zip_holding_one_export_loads_it_beside_folders_and_macos_metadata()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var one = f.Ingest(IngestKind.Tickets, Zip(f, "export.zip", ("tickets.csv", Tickets)));
        Assert.Equal(("loaded", 2L), (one.Status, one.RowsLoaded));
        Assert.Equal("Zürich", f.Scalar("SELECT category FROM tickets WHERE ticket_id = 'T1'"));
        var mac = f.Ingest(IngestKind.Tickets, Zip(f, "mac.zip", ("export/", null), ("export/tickets.csv", Tickets.Replace("open", "pending")),
            ("__MACOSX/export/._tickets.csv", "\0\u0005\u0016\u0007"), ("export/.DS_Store", "\0\0\0\u0001Bud1")));
        Assert.Equal(("loaded", 2L, 2L), (mac.Status, mac.RowsLoaded, mac.RowsUpdated));
    }

    [Fact]
    public void A_zip_of_several_exports_is_refused_naming_them_and_a_csv_whose_header_starts_with_pk_is_no_zip()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var report = f.Ingest(IngestKind.Tickets, Zip(f, "two.zip", ("march.csv", Tickets), ("april.csv", Tickets)));
        Assert.Equal("rejected", report.Status);
        Assert.Equal("the zip holds 2 files (march.csv, april.csv): give one export per zip, or unzip it and give the files", report.Message);
        Assert.Equal(0L, f.Count("SELECT count(*) FROM tickets"));
        var pk = f.Ingest(IngestKind.Clients, f.Write("pk.csv", "PKey,client_id,name,tier\n1,C9,Umbrella,starter\n"));
        Assert.Equal(("loaded", 1L), (pk.Status, pk.RowsLoaded));
    }

    [Fact]
    public void A_truncated_or_damaged_zip_is_refused_whole_and_what_was_stored_stays()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        Assert.Equal(2, f.Ingest(IngestKind.Tickets, f.Write("before.csv", Tickets)).RowsLoaded);
        var rows = new StringBuilder("ticket_id,client_id,created_at,channel,status\n");
        for (var i = 0; i < 20_000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"Z{i},C1,2026-11-02T09:00:00Z,email,solved-{i * 7919 % 10007}\n");
        }
        var whole = File.ReadAllBytes(Zip(f, "big.zip", ("tickets.csv", rows.ToString())));

        var truncated = Path.Combine(f.Directory, "truncated.zip");
        File.WriteAllBytes(truncated, whole[..(whole.Length * 6 / 10)]);
        var cut = f.Ingest(IngestKind.Tickets, truncated);
        Assert.Equal("rejected", cut.Status);
        Assert.StartsWith("damaged zip: ", cut.Message);

        var damaged = Path.Combine(f.Directory, "damaged.zip");
        var flipped = (byte[])whole.Clone();
        flipped[whole.Length / 3] ^= 0x55;
        File.WriteAllBytes(damaged, flipped);
        var bad = f.Ingest(IngestKind.Tickets, damaged);
        Assert.Equal("rejected", bad.Status);
        Assert.StartsWith("damaged zip: ", bad.Message);

        Assert.Equal(2L, f.Count("SELECT count(*) FROM tickets"));
    }
}
