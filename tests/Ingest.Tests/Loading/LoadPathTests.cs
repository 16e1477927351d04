using System.Globalization;
using System.Text;
using SupportLens.Ingest.Loading;

namespace SupportLens.Ingest.Tests.Loading;

/// <summary>
/// The paths a file can take into its table — straight in while no row names a stored id, staged and merged when one
/// does, judged on a reader thread when it is large, many files in one session — all give what one small staged file
/// gives: the same rows, counts and quarantine messages.
/// </summary>
public sealed class LoadPathTests
{
    private const string Header = "ticket_id,client_id,created_at,channel,status,solved_at,updated_at\n";

    private static string Row(string id, string client = "C1", string updated = "2024-03-01T09:00:00Z", string status = "open", string solved = "") =>
        $"{id},{client},2024-03-01T09:00:00Z,email,{status},{solved},{updated}\n";

    [Fact]
    public void A_later_export_of_new_tickets_loads_beside_the_stored_ones()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        f.Ingest(IngestKind.Tickets, f.Write("last-year.csv", Header + Row("T1") + Row("T2")));
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(Row(string.Create(CultureInfo.InvariantCulture, $"N{i}")));
        }
        var report = f.Ingest(IngestKind.Tickets, f.Write("this-month.csv", csv.ToString()));
        Assert.Equal(("loaded", 5000L, 5000L, 0L), (report.Status, report.RowsLoaded, report.RowsInserted, report.RowsUpdated));
        Assert.Equal(5002L, f.Count("SELECT count(*) FROM tickets"));
        Assert.Equal(5000L, f.Count($"SELECT count(*) FROM tickets WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void A_later_export_that_names_a_stored_ticket_after_the_first_chunk_is_merged_in_one_batch()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        f.Ingest(IngestKind.Tickets, f.Write("last-year.csv", Header + Row("T1") + Row("T2")));
        // The appender meets the stored T2 only when it flushes a later chunk of rows to the table.
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(Row(string.Create(CultureInfo.InvariantCulture, $"N{i}")));
            if (i == 4000)
            {
                csv.Append(Row("T2", updated: "2024-03-05T09:00:00Z", status: "solved", solved: "2024-03-05T09:00:00Z"));
            }
        }
        var report = f.Ingest(IngestKind.Tickets, f.Write("this-month.csv", csv.ToString()));
        Assert.Equal(("loaded", 5001L, 5000L, 1L), (report.Status, report.RowsLoaded, report.RowsInserted, report.RowsUpdated));
        Assert.Equal("solved", f.Scalar("SELECT status FROM tickets WHERE ticket_id = 'T2'"));
        Assert.Equal(2L, f.Count("SELECT count(*) FROM ingest_batches WHERE kind = 'tickets'"));
        Assert.Equal(0L, f.Count($"SELECT count(*) FROM quarantine WHERE batch_id = {report.BatchId}"));
    }

    [Fact]
    public void A_large_file_judged_on_the_reader_thread_quarantines_each_bad_row_where_it_is()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = new StringBuilder(Header);
        var line = 1;
        var expected = new List<(long Line, string? Column, string? Value, string Reason)>();
        for (var i = 0; csv.Length < RowPipeline.ParallelBytes + (1 << 20); i++)
        {
            line++;
            var id = string.Create(CultureInfo.InvariantCulture, $"T{i}");
            switch (i % 9973)
            {
                case 17:
                    csv.Append(CultureInfo.InvariantCulture, $"{id},C1,yesterday,email,open,,\n");
                    expected.Add((line, "created_at", "yesterday", "created_at must be an ISO-8601 timestamp (e.g. 2024-03-01T09:30:00Z, or naive in UTC)"));
                    break;
                case 4242:
                    csv.Append(Row(id, client: "NOPE"));
                    expected.Add((line, "client_id", "NOPE", "unknown client_id (not in clients: load clients first)"));
                    break;
                case 9000:
                    csv.Append(CultureInfo.InvariantCulture, $"{id},C1,\"2024-03-01T09:00:00Z\"x,email,open,,\n");
                    expected.Add((line, null, null, "malformed CSV: text after the closing quote of a field"));
                    break;
                default:
                    csv.Append(Row(id));
                    break;
            }
        }
        var rows = line - 1;
        var report = f.Ingest(IngestKind.Tickets, f.Write("large.csv", csv.ToString()));
        Assert.True(new FileInfo(Path.Combine(f.Directory, "large.csv")).Length >= RowPipeline.ParallelBytes);
        Assert.Equal(("loaded", (long)rows, (long)(rows - expected.Count), (long)expected.Count),
            (report.Status, report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal(expected.Select(e => (e.Line, e.Column, e.Reason)), report.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.Equal(expected.Where(e => e.Value is not null).Select(e => e.Value), report.Errors.Where(e => e.Column is not null).Select(e => e.Value));
        Assert.Equal((long)(rows - expected.Count), f.Count("SELECT count(*) FROM tickets"));
    }

    [Fact]
    public void A_session_loads_many_files_each_in_its_own_batch_whatever_befalls_the_one_before()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var files = new[]
        {
            f.Write("1.csv", Header + Row("T1") + Row("T2")),
            f.Write("2-empty.csv", ""),
            f.Write("3-twice.csv", Header + Row("T3") + Row("T3", updated: "2024-03-02T09:00:00Z", status: "pending")),
            f.Write("4-stored.csv", Header + Row("T1", updated: "2024-03-04T09:00:00Z", status: "solved", solved: "2024-03-04T09:00:00Z") + Row("T4", client: "NOPE")),
            f.Write("5-new.csv", Header + Row("T5")),
        };
        using var session = f.Ingestor.Open(new IngestRequest(IngestKind.Tickets));
        var reports = files.Select(file => session.Ingest(file)).ToList();
        Assert.Equal(["loaded", "rejected", "loaded", "loaded", "loaded"], reports.Select(r => r.Status));
        Assert.Equal([2L, 0L, 1L, 0L, 1L], reports.Select(r => r.RowsInserted));
        Assert.Equal([0L, 0L, 0L, 1L, 0L], reports.Select(r => r.RowsUpdated));
        Assert.Equal(("client_id", "NOPE", 3L), (reports[3].Errors[0].Column, reports[3].Errors[0].Value, reports[3].Errors[0].Line));
        Assert.Equal("T1=solved T2=open T3=pending T5=open",
            f.Scalar("SELECT string_agg(ticket_id || '=' || status, ' ' ORDER BY ticket_id) FROM tickets"));
        Assert.Equal(reports.Select(r => r.BatchId!.Value).Order(), reports.Select(r => r.BatchId!.Value));
        Assert.Equal(5L, f.Count("SELECT count(*) FROM ingest_batches WHERE kind = 'tickets'"));
    }
}
