namespace SupportLens.Ingest.Tests.Validation;

/// <summary>
/// Excel shows a long numeric id (a Freshdesk company id such as 67001265522) as 6.70013E+10 and saves it so: the
/// digits are gone. Such an id would silently name another or no record, so it is refused saying what happened.
/// </summary>
public sealed class ExcelIdTests
{
    [Fact]
    public void An_id_excel_shortened_to_scientific_notation_is_quarantined_and_a_real_one_loads()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = """
            ticket_id,client_id,created_at,channel,status
            3.5436E+04,C1,2026-11-02T09:00:00Z,email,open
            T2,6.70013E+10,2026-11-02T09:00:00Z,email,open
            35437,67001265522,2026-11-02T09:00:00Z,email,open
            """;
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv));
        Assert.Equal((1L, 2L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal([(2L, "ticket_id"), (3L, "client_id")], report.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Equal("client_id '6.70013E+10' is a number a spreadsheet shortened to scientific notation: its digits are lost; " +
                     "export the file again, or format the column as text before saving it", report.Errors[1].Reason);
        Assert.Equal("35437", f.Scalar("SELECT ticket_id FROM tickets"));
    }
}
