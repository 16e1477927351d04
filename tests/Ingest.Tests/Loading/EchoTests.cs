using System.Text;

namespace SupportLens.Ingest.Tests.Loading;

/// <summary>Whatever a file holds is echoed capped and escaped: in the report, its errors, the batch log and quarantine.</summary>
public sealed class EchoTests
{
    private static void AssertPlain(string? text, int max)
    {
        Assert.NotNull(text);
        Assert.True(text.Length <= max, $"{text.Length} characters: {text[..Math.Min(text.Length, 300)]}");
        Assert.DoesNotContain(text, char.IsControl);
    }

    [Fact]
    public void A_50_MB_file_without_a_newline_gives_one_short_message()
    {
        using var f = new IngestFixture();
        var path = Path.Combine(f.Directory, "blob.csv");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(new string('x', 50 << 20)));
        var report = f.Ingest(IngestKind.Tickets, path);
        Assert.Equal("rejected", report.Status);
        AssertPlain(report.Message, 600);
        Assert.Contains("more bytes)", report.Message);
        var error = Assert.Single(report.Errors);
        AssertPlain(error.Reason, 600);
        AssertPlain((string?)f.Scalar($"SELECT message FROM ingest_batches WHERE batch_id = {report.BatchId}"), 600);
        Assert.InRange(f.Count($"SELECT max(length(reason)) FROM quarantine WHERE batch_id = {report.BatchId}"), 1, 600);
    }

    [Fact]
    public void Binary_input_is_echoed_escaped()
    {
        using var f = new IngestFixture();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = Path.Combine(f.Directory, "image.png.csv");
        File.WriteAllBytes(path, bytes);
        var report = f.Ingest(IngestKind.Clients, path);
        Assert.NotEqual("loaded", report.Status);
        AssertPlain(report.Message, 2000);
        Assert.All(report.Errors, e =>
        {
            AssertPlain(e.Reason, 2000);
            Assert.DoesNotContain(e.Value ?? "", char.IsControl);
            Assert.DoesNotContain(e.Column ?? "", char.IsControl);
        });
        Assert.Contains("\\u00", report.Message);
    }

    [Fact]
    public void An_over_long_field_with_control_characters_is_quarantined_capped_and_escaped()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var channel = "\u001b[31m" + new string('p', 1000);
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", $"ticket_id,client_id,created_at,channel,status\nT1,C1,2024-03-01T09:00:00Z,{channel},open\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal("\\u001B[31m" + new string('p', 195) + "… (805 more bytes)", error.Value);
        Assert.Equal(error.Value, f.Scalar($"SELECT value FROM quarantine WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void Values_rejected_in_sql_are_capped_and_escaped_too()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        // A survey naming only a ticket that is not loaded is judged after staging, in SQL.
        var ticket = "X\u0007" + new string('9', 300);
        var report = f.Ingest(IngestKind.Csat, f.Write("c.csv", $"response_id,ticket_id,responded_at,score\nR1,{ticket},2024-03-01T09:00:00Z,5\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal("X\\u0007" + new string('9', 198) + "… (102 more bytes)", error.Value);
        AssertPlain(error.Reason, 600);
        Assert.Contains("X\\u0007999", error.Reason);
    }

    [Fact]
    public void A_file_name_with_control_characters_is_echoed_escaped()
    {
        using var f = new IngestFixture();
        var path = f.Write("c\u001b[2Jlients.csv", "client_id,name,tier\nC1,Acme,gold\n");
        var report = f.Ingest(IngestKind.Clients, path);
        Assert.EndsWith("c\\u001B[2Jlients.csv", report.File);
        Assert.EndsWith("c\\u001B[2Jlients.csv", (string)f.Scalar($"SELECT file FROM ingest_batches WHERE batch_id = {report.BatchId}")!);
    }
}
