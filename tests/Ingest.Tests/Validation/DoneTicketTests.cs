namespace SupportLens.Ingest.Tests.Validation;

/// <summary>A solved or closed ticket always has a time it was done, or it would count as open with a breached SLA.</summary>
public sealed class DoneTicketTests
{
    [Fact]
    public void Solved_or_closed_without_its_time_takes_updated_at_and_without_that_is_quarantined()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = "ticket_id,client_id,created_at,channel,status,solved_at,closed_at,updated_at\n" +
                  "T1,C1,2024-03-01T09:00:00Z,email,solved,,,2024-03-01T15:00:00Z\n" +   // 2: solved_at from updated_at
                  "T2,C1,2024-03-01T09:00:00Z,email,closed,,,2024-03-02T15:00:00Z\n" +   // 3: closed_at from updated_at
                  "T3,C1,2024-03-01T09:00:00Z,email,solved,,,\n" +                       // 4: no time at all
                  "T4,C1,2024-03-01T09:00:00Z,email,closed,2024-03-01T10:00:00Z,,\n" +   // 5: closed, solved_at known: fine
                  "T5,C1,2024-03-01T09:00:00Z,email,Closed,,,\n" +                       // 6: no time at all
                  "T6,C1,2024-03-01T09:00:00Z,email,open,,,\n";                          // 7: open needs none
        var report = f.Ingest(IngestKind.Tickets, f.Write("t.csv", csv));
        Assert.Equal((6L, 4L, 2L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal([4L, 6L], report.Errors.Select(e => e.Line));
        var error = report.Errors[0];
        Assert.Equal(("status", "solved"), (error.Column, error.Value));
        Assert.Equal("status is solved but solved_at is empty and there is no updated_at to take it from: a done ticket without the time it was done would count as open", error.Reason);
        Assert.Equal(("status", "Closed"), (report.Errors[1].Column, report.Errors[1].Value));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 15, 0, 0, TimeSpan.Zero), f.Scalar("SELECT solved_at FROM tickets WHERE ticket_id = 'T1'"));
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 15, 0, 0, TimeSpan.Zero), f.Scalar("SELECT closed_at FROM tickets WHERE ticket_id = 'T2'"));
        Assert.Equal(0L, f.Count("SELECT count(*) FROM tickets WHERE status IN ('solved', 'closed') AND coalesce(solved_at, closed_at) IS NULL"));
    }

    [Fact]
    public void An_export_without_a_solved_at_column_solves_a_stored_open_ticket_at_its_updated_at()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        f.Ingest(IngestKind.Tickets, f.Write("open.csv",
            "ticket_id,client_id,created_at,channel,status,solved_at,updated_at\n" +
            "T1,C1,2024-03-01T09:00:00Z,email,open,,2024-03-01T09:00:00Z\n" +
            "T2,C1,2024-03-01T09:00:00Z,email,solved,2024-03-01T12:00:00Z,2024-03-01T12:00:00Z\n"));
        var report = f.Ingest(IngestKind.Tickets, f.Write("later.csv",
            "ticket_id,client_id,created_at,channel,status,updated_at\n" +
            "T1,C1,2024-03-01T09:00:00Z,email,solved,2024-03-04T10:00:00Z\n" +
            "T2,C1,2024-03-01T09:00:00Z,email,pending,2024-03-05T10:00:00Z\n"));
        Assert.Equal((0L, 2L), (report.RowsRejected, report.RowsUpdated));
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero), f.Scalar("SELECT solved_at FROM tickets WHERE ticket_id = 'T1'"));
        // A column the file does not have keeps its stored value where the file derived nothing.
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), f.Scalar("SELECT solved_at FROM tickets WHERE ticket_id = 'T2'"));
    }
}
