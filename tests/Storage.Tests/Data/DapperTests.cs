using Dapper;
using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class DapperTests
{
    private sealed record TicketRow(string TicketId, string Channel, int Replies, DateTime CreatedAt, decimal? Mrr);

    [Fact]
    public void Dapper_maps_rows_and_binds_anonymous_parameters()
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t (ticket_id VARCHAR, channel VARCHAR, replies INTEGER, created_at TIMESTAMP, mrr DECIMAL(14,2))");
        var inserted = connection.Execute(
            "INSERT INTO t VALUES ($TicketId, $Channel, $Replies, $CreatedAt, $Mrr)",
            new[]
            {
                new { TicketId = "T-1", Channel = "chat", Replies = 1, CreatedAt = new DateTime(2026, 1, 5, 9, 0, 0), Mrr = (decimal?)99.5m },
                new { TicketId = "T-2", Channel = "email", Replies = 3, CreatedAt = new DateTime(2026, 1, 6, 10, 0, 0), Mrr = (decimal?)null },
            });
        Assert.Equal(2, inserted);
        var rows = connection.Query<TicketRow>(
            "SELECT ticket_id AS TicketId, channel AS Channel, replies AS Replies, created_at AS CreatedAt, mrr AS Mrr FROM t WHERE replies >= $min ORDER BY ticket_id",
            new { min = 1 }).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new TicketRow("T-1", "chat", 1, new DateTime(2026, 1, 5, 9, 0, 0), 99.5m), rows[0]);
        Assert.Null(rows[1].Mrr);
        Assert.Equal(4L, connection.ExecuteScalar<long>("SELECT sum(replies)::BIGINT FROM t"));
    }
}
