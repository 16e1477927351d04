using SupportLens.Analytics.Horizon;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Forecasting;

/// <summary>In-memory warehouses for the forecasting, spike and capacity tests.</summary>
internal static class TestWarehouse
{
    /// <summary>A private in-memory warehouse with the shipped schema (volume_intervals included, as ingest's volume kind loads it).</summary>
    public static Warehouse Create(TimeProvider time) => Warehouse.InMemory(time);

    /// <summary>Runs SQL, then brings the data horizons up to date (what refresh does first).</summary>
    public static void Load(Warehouse warehouse, TimeProvider time, string sql)
    {
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery(sql);
        new DataHorizonTable(time).Refresh(connection);
    }
}

/// <summary>A ticket for the test warehouses: who, which channel, when created, and who solved it when.</summary>
internal sealed record TestTicket(string Id, string Client, string Channel, DateTimeOffset Created, string? Agent = null, DateTimeOffset? Solved = null);

internal static class TestTickets
{
    /// <summary>
    /// <paramref name="count"/>(day, client, channel) tickets on each day from <paramref name="start"/>, created from 15:00 UTC on
    /// (10:00 or 11:00 in New York) a minute apart.
    /// </summary>
    public static IReadOnlyList<TestTicket> Daily(NodaTime.LocalDate start, int days, string[] clients, string[] channels, Func<NodaTime.LocalDate, string, string, int> count)
    {
        var tickets = new List<TestTicket>();
        for (var d = 0; d < days; d++)
        {
            var day = start.PlusDays(d);
            var noon = new DateTimeOffset(day.Year, day.Month, day.Day, 15, 0, 0, TimeSpan.Zero);
            var minute = 0;
            foreach (var client in clients)
            {
                foreach (var channel in channels)
                {
                    for (var i = 0; i < count(day, client, channel); i++)
                    {
                        tickets.Add(new TestTicket($"{day:yyyyMMdd}-{client}-{channel}-{i}", client, channel, noon.AddMinutes(minute++)));
                    }
                }
            }
        }

        return tickets;
    }

    /// <summary>Appends the tickets (status solved when a solve time is given, else open) and records a loaded ingest batch.</summary>
    public static void Insert(SupportLens.Storage.Sql.WarehouseConnection connection, IEnumerable<TestTicket> tickets)
    {
        using (var appender = connection.CreateAppender("tickets"))
        {
            foreach (var t in tickets)
            {
                appender.Append("g").Append(t.Id).Append(t.Client).Append(t.Created).Append(t.Channel).Append("normal")
                    .Append(t.Solved is null ? "open" : "solved").AppendNull().AppendNull().Append(t.Agent).AppendNull().Append(t.Solved)
                    .AppendNull().Append(t.Solved ?? t.Created).AppendNull().AppendNull().AppendNull().AppendNull().EndRow();
            }

            appender.Complete();
        }

        connection.ExecuteNonQuery("""
            INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('tickets', 'generic', 'test.csv', 'x', now(), 'loaded')
            """);
    }
}
