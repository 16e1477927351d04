using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportLens.Storage;

namespace SupportLens.Web.Tests.Cli;

public sealed class IngestCommandTests
{
    private const string Clients = "client_id,name,tier\nC1,Acme,enterprise\nC2,Globex,starter\n";

    [Fact]
    public void Json_output_has_the_design_shape_and_exit_0_with_quarantined_rows()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var clients = Write(dir, "clients.csv", Clients + "C3,Bad,gold\n");
        var result = CliRunner.Run("ingest", "--kind", "clients", "--json", "--data", data, clients);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("batch_id").GetInt64());
        Assert.Equal("clients", root.GetProperty("kind").GetString());
        Assert.Equal(clients, root.GetProperty("file").GetString());
        Assert.Equal((3, 2, 1, 0), (root.GetProperty("rows_read").GetInt32(), root.GetProperty("rows_loaded").GetInt32(), root.GetProperty("rows_rejected").GetInt32(),
            root.GetProperty("rows_filtered").GetInt32()));
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal((4, "tier", "gold"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Contains("must be one of", error.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_rejected_file_exits_1_and_bad_usage_exits_2()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var file = Write(dir, "t.csv", "id,name\n1,x\n");
        var rejected = CliRunner.Run("ingest", "--kind", "tickets", "--data", data, file);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("the header lacks required field(s) for tickets", rejected.Error);
        Assert.Equal(2, CliRunner.Run("ingest", "--kind", "widgets", "--data", data, file).ExitCode);
        Assert.Equal(2, CliRunner.Run("ingest", "--kind", "tickets", "--profile", "nosuch", "--data", data, file).ExitCode);
        Assert.Equal(2, CliRunner.Run("ingest", "--kind", "tickets", "--timezone", "Mars/Olympus", "--data", data, file).ExitCode);
        Assert.Equal(2, CliRunner.Run("ingest", "--kind", "tickets", "--data", data).ExitCode);
    }

    [Fact]
    public void A_file_whose_every_row_is_rejected_exits_1_and_says_so_plainly()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var clients = Write(dir, "clients.csv", "client_id,name,tier\nC1,Acme,gold\nC2,Globex,silver\n");
        var json = CliRunner.Run("ingest", "--kind", "clients", "--json", "--data", data, clients);
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("all_rejected", document.RootElement.GetProperty("status").GetString());
        Assert.Contains("every row was rejected (2 of 2)", json.Error);

        var text = CliRunner.Run("ingest", "--kind", "clients", "--data", data, clients);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("NOT loaded", text.Output);
        Assert.Contains("every row was rejected (2 of 2 read), nothing loaded", text.Output);
        Assert.Contains("line 2, tier 'gold'", text.Output);
    }

    [Fact]
    public void A_huge_line_or_binary_bytes_are_never_printed_whole()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var blob = Write(dir, "blob.csv", new string('x', 5 << 20));
        var bytes = new byte[20_000];
        new Random(3).NextBytes(bytes);
        var binary = Path.Combine(dir.Path, "binary.csv");
        File.WriteAllBytes(binary, bytes);
        foreach (var json in new[] { false, true })
        {
            var result = json
                ? CliRunner.Run("ingest", "--kind", "tickets", "--json", "--data", data, blob, binary)
                : CliRunner.Run("ingest", "--kind", "tickets", "--data", data, blob, binary);
            Assert.Equal(1, result.ExitCode);
            Assert.InRange(result.Output.Length + result.Error.Length, 100, 8_000);
            Assert.DoesNotContain(result.Output + result.Error, c => char.IsControl(c) && c is not ('\n' or '\r'));
            Assert.Contains("more bytes)", result.Output);
        }
        var batches = CliRunner.Run("ingest", "batches", "--json", "--data", data);
        Assert.InRange(batches.Output.Length, 100, 20_000);
    }

    [Fact]
    public void A_legacy_windows_1252_export_loads_with_a_note_in_the_summary_and_in_json()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var path = Path.Combine(dir.Path, "clients.csv");
        // "Café – Zürich" as a Windows spreadsheet saves it: é 0xE9, – 0x96, ü 0xFC.
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("client_id,name,tier\nC1,Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" "), 0x96,
            .. Encoding.ASCII.GetBytes(" Z"), 0xFC, .. Encoding.ASCII.GetBytes("rich,starter\n")]);
        var text = CliRunner.Run("ingest", "--kind", "clients", "--no-refresh", "--data", data, path);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("  note: the file is not UTF-8 (line 2 has the byte 0xE9, which UTF-8 does not allow there): read as Windows-1252", text.Output);
        var json = CliRunner.Run("ingest", "--kind", "clients", "--no-refresh", "--json", "--data", data, path);
        using var document = JsonDocument.Parse(json.Output);
        Assert.StartsWith("the file is not UTF-8", document.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void A_directory_given_as_a_file_is_named_as_one()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var result = CliRunner.Run("ingest", "--kind", "clients", "--data", data, dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("it is a directory, not a file", result.Error);
    }

    [Fact]
    public void Batches_and_their_quarantined_rows_are_listed()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        CliRunner.Run("ingest", "--kind", "clients", "--data", data, Write(dir, "clients.csv", Clients + "C3,Bad,gold\n"));
        var batches = CliRunner.Run("ingest", "batches", "--json", "--data", data);
        Assert.Equal(0, batches.ExitCode);
        using var document = JsonDocument.Parse(batches.Output);
        var batch = Assert.Single(document.RootElement.GetProperty("batches").EnumerateArray().ToList());
        Assert.Equal("loaded", batch.GetProperty("status").GetString());
        Assert.Equal(64, batch.GetProperty("sha256").GetString()!.Length);
        var quarantine = CliRunner.Run("ingest", "quarantine", "1", "--data", data);
        Assert.Equal(0, quarantine.ExitCode);
        Assert.Contains("line 4, tier 'gold'", quarantine.Output);
        Assert.Equal(1, CliRunner.Run("ingest", "quarantine", "42", "--data", data).ExitCode);
    }

    [Fact]
    public void The_quarantine_of_a_batch_without_rejected_rows_says_so_instead_of_printing_nothing()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        CliRunner.Run("ingest", "--kind", "clients", "--no-refresh", "--data", data, Write(dir, "clients.csv", Clients));
        var quarantine = CliRunner.Run("ingest", "quarantine", "1", "--data", data);
        Assert.Equal(0, quarantine.ExitCode);
        Assert.Equal("batch 1: no rejected rows", quarantine.Output.Trim());
    }

    [Theory]
    [InlineData("batches", "--limit", "-1")]
    [InlineData("batches", "--limit", "0")]
    [InlineData("quarantine", "1", "--limit", "-5")]
    public void A_limit_below_1_is_bad_usage_not_a_database_error(params string[] args)
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run(["ingest", .. args, "--data", dir.Path]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit must be at least 1", result.Error);
        Assert.DoesNotContain("SQL", result.Error);
    }

    [Fact]
    public void Killing_the_process_mid_file_leaves_the_database_as_it_was_before_the_file()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        Assert.Equal(0, CliRunner.Run("ingest", "--kind", "clients", "--data", data, Write(dir, "clients.csv", Clients)).ExitCode);
        Assert.Equal(0, CliRunner.Run("ingest", "--kind", "tickets", "--data", data, Write(dir, "small.csv", Tickets(0, 1_000, "2024-03-01"))).ExitCode);
        var before = Snapshot(data);

        // An update of the same tickets (newer) plus many new ones, killed once it is well into the file.
        IngestAndKill(data, Write(dir, "big.csv", Tickets(0, 300_000, "2024-03-05")), "100,000 rows read");
        Assert.Equal(before, Snapshot(data));
    }

    [Fact]
    public void Killing_a_first_load_which_appends_straight_into_tickets_leaves_no_ticket()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        Assert.Equal(0, CliRunner.Run("ingest", "--kind", "clients", "--data", data, Write(dir, "clients.csv", Clients)).ExitCode);
        var before = Snapshot(data);

        IngestAndKill(data, Write(dir, "big.csv", Tickets(0, 300_000, "2024-03-05")), "200,000 rows read");
        Assert.Equal(before, Snapshot(data));
    }

    /// <summary>Runs a real `supportlens ingest` child on the file and kills it once it reports <paramref name="killAfter"/>.</summary>
    private static void IngestAndKill(string data, string file, string killAfter)
    {
        using var child = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "supportlens.dll"), "ingest", "--kind", "tickets", "--progress", "--data", data, file },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            string? line;
            while ((line = child.StandardError.ReadLine()) is not null && !line.Contains(killAfter, StringComparison.Ordinal))
            {
            }
            Assert.NotNull(line);
            child.Kill(entireProcessTree: true);
            Assert.True(child.WaitForExit(30_000));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
        Assert.NotEqual(0, child.ExitCode);
    }

    private static string Snapshot(string data)
    {
        using var warehouse = Warehouse.Open(data, TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM tickets) || ' ' || coalesce((SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY ticket_id)) FROM tickets AS t), '-') " +
                              "|| ' ' || (SELECT count(*) FROM ingest_batches) || ' ' || (SELECT count(*) FROM quarantine)";
        return (string)command.ExecuteScalar()!;
    }

    private static string Tickets(int from, int count, string day)
    {
        var text = new StringBuilder("ticket_id,client_id,created_at,channel,status,updated_at\n");
        for (var i = from; i < from + count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"T{i},C{1 + (i % 2)},2024-03-01T09:00:00Z,email,open,{day}T10:00:00Z\n");
        }
        return text.ToString();
    }

    private static string Write(TempDirectory dir, string name, string text)
    {
        var path = Path.Combine(dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
