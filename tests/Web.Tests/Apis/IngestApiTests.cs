using System.Net;
using System.Text.Json.Nodes;
using SupportLens.Web.Tests.Hosting;

namespace SupportLens.Web.Tests.Apis;

/// <summary>
/// <c>POST /api/ingest</c> answers with the batch result `supportlens ingest --json` prints, refreshes afterwards, and the
/// next read sees the new data (the cache is keyed on the data version).
/// </summary>
public sealed class IngestApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Header = "ticket_id,client_id,created_at,channel,status,solved_at,agent_replies,reopens";

    [Fact]
    public async Task An_upload_loads_good_rows_quarantines_bad_ones_and_the_next_read_sees_them()
    {
        var admin = factory.WithToken("admin");
        var before = JsonNode.Parse(await admin.GetStringAsync("/api/metrics?month=2026-10"))!["groups"]![0]!["tickets"]!.GetValue<long>();
        var csv = $"{Header}\nU1,C1,2026-10-25T10:00:00Z,email,solved,2026-10-25T11:00:00Z,1,0\nU2,C1,not-a-date,email,open,,0,0\nU3,C2,2026-10-26T10:00:00Z,fax,open,,0,0\n";
        using var response = await admin.PostAsync("/api/ingest", Multipart.Csv("tickets", "october.csv", csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        foreach (var field in new[] { "batch_id", "kind", "file", "rows_read", "rows_loaded", "rows_rejected", "errors" })
        {
            Assert.NotNull(result[field]);
        }
        Assert.Equal("loaded", result["status"]!.GetValue<string>());
        Assert.Equal(3, result["rows_read"]!.GetValue<long>());
        Assert.Equal(1, result["rows_loaded"]!.GetValue<long>());
        Assert.Equal(2, result["rows_rejected"]!.GetValue<long>());
        var errors = result["errors"]!.AsArray();
        Assert.Equal([3L, 4L], errors.Select(e => e!["line"]!.GetValue<long>()));
        Assert.Equal("created_at", errors[0]!["column"]!.GetValue<string>());
        Assert.EndsWith("october.csv", result["file"]!.GetValue<string>());

        // The quarantine of the batch, as `ingest quarantine --json`.
        var batch = result["batch_id"]!.GetValue<long>();
        var quarantine = JsonNode.Parse(await admin.GetStringAsync($"/api/ingest/batches/{batch}/quarantine"))!;
        Assert.Equal(batch, quarantine["batch_id"]!.GetValue<long>());
        Assert.Equal(2, quarantine["errors"]!.AsArray().Count);
        var batches = JsonNode.Parse(await admin.GetStringAsync("/api/ingest/batches"))!["batches"]!.AsArray();
        Assert.Equal(batch, batches[^1]!["batch_id"]!.GetValue<long>());

        var after = JsonNode.Parse(await admin.GetStringAsync("/api/metrics?month=2026-10"))!["groups"]![0]!["tickets"]!.GetValue<long>();
        Assert.Equal(before + 1, after);
        var status = JsonNode.Parse(await admin.GetStringAsync("/api/status"))!;
        Assert.Empty(status["stale_tables"]!.AsArray());
    }

    [Fact]
    public async Task A_file_without_the_required_header_is_rejected_with_422_and_the_cli_message()
    {
        using var response = await factory.WithToken("admin").PostAsync("/api/ingest", Multipart.Csv("tickets", "notes.csv", "hello,world\n1,2\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("rejected", result["status"]!.GetValue<string>());
        Assert.Contains("the header lacks required field(s) for tickets", result["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("kind", "widgets", null, null)]
    [InlineData("kind", "tickets", "profile", "/etc/passwd")]
    [InlineData("kind", "tickets", "timezone", "Mars/Olympus")]
    public async Task Bad_usage_is_a_validation_problem(string _, string kind, string? field, string? value)
    {
        var fields = field is null ? Array.Empty<(string, string)>() : [(field, value!)];
        using var response = await factory.WithToken("admin").PostAsync("/api/ingest", Multipart.Csv(kind, "x.csv", $"{Header}\n", fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_mapping_file_travels_with_the_upload()
    {
        var mapping = """{"kind": "clients", "source": "crm", "fields": {"client_id": "Account", "name": "Company", "tier": "Plan"}}""";
        var form = Multipart.Csv("clients", "crm.csv", "Account,Company,Plan\nC9,Nine Inc,starter\n");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(mapping)), "mapping", "crm-mapping.json");
        using var response = await factory.WithToken("admin").PostAsync("/api/ingest", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var clients = await factory.WithToken("exec").GetStringAsync("/api/clients");
        Assert.Contains("Nine Inc", clients);
    }

    [Fact]
    public async Task A_missing_batch_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.WithToken("admin").GetAsync("/api/ingest/batches/999999/quarantine")).StatusCode);
    }
}
