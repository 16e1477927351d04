using System.Globalization;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Horizon;

/// <summary>
/// After its first refresh the data horizon reads only the rows written since (by batch id); these tests hold it to
/// what recomputing from every row gives, including when the newest row moves back or lies in the future.
/// </summary>
public sealed class DataHorizonTableTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;
    private readonly FixedTime _time = new(Day.AddDays(30));
    private readonly DataHorizonTable _table;

    public DataHorizonTableTests()
    {
        _connection = _warehouse.OpenConnection();
        _table = new DataHorizonTable(_time);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    [Fact]
    public void A_newer_batch_moves_the_horizon_and_an_older_one_leaves_it()
    {
        Load(1, ("g", "T1", Day.AddHours(8)), ("g", "T2", Day.AddHours(10)));
        Refresh();
        Assert.Equal(Day.AddHours(10), Horizon("tickets", "g"));
        Load(2, ("g", "T3", Day.AddHours(12)));
        Refresh();
        Assert.Equal(Day.AddHours(12), Horizon("tickets", "g"));
        Load(3, ("g", "T4", Day.AddHours(9)));
        Refresh();
        Assert.Equal(Day.AddHours(12), Horizon("tickets", "g"));
        Assert.Equal(Full(), Stored());
    }

    [Fact]
    public void An_update_that_moves_the_newest_row_back_lowers_the_horizon()
    {
        Load(1, ("g", "T1", Day.AddHours(8)), ("g", "T2", Day.AddHours(12)), ("g", "T3", Day.AddHours(10)));
        Refresh();
        // Batch 2 rewrites T2 as created and updated at 09:00: no row mentions 12:00 any more, 10:00 is the newest.
        Batch(2);
        Execute("UPDATE tickets SET created_at = $at, updated_at = $at, batch_id = 2 WHERE ticket_id = 'T2'", Day.AddHours(9));
        Refresh();
        Assert.Equal(Day.AddHours(10), Horizon("tickets", "g"));
        Assert.Equal(Full(), Stored());
    }

    [Fact]
    public void A_row_dated_in_the_future_is_capped_at_the_clock_and_the_cap_follows_the_clock()
    {
        Load(1, ("g", "T1", Day.AddHours(8)), ("g", "T2", Day.AddYears(5)));
        Refresh();
        Assert.Equal(_time.Now, Horizon("tickets", "g"));
        // A day later an older row arrives: the horizon is the clock's again, not the cap of the day before.
        _time.Now = _time.Now.AddDays(1);
        Load(2, ("g", "T3", Day.AddHours(9)));
        Refresh();
        Assert.Equal(_time.Now, Horizon("tickets", "g"));
    }

    [Fact]
    public void Each_kind_and_source_keeps_its_own_horizon_and_untouched_ones_stay()
    {
        Load(1, ("g", "T1", Day.AddHours(8)), ("zendesk", "Z1", Day.AddHours(11)));
        Batch(2);
        Execute("INSERT INTO incidents (source, incident_id, severity, title, started_at, resolved_at, batch_id) VALUES ('statuspage', 'I1', 2, 'Down', $at, NULL, 2)", Day.AddHours(7));
        Refresh();
        Load(3, ("g", "T2", Day.AddHours(13)));
        Refresh();
        Assert.Equal(Day.AddHours(13), Horizon("tickets", "g"));
        Assert.Equal(Day.AddHours(11), Horizon("tickets", "zendesk"));
        Assert.Equal(Day.AddHours(7), Horizon("incidents", "statuspage"));
        Assert.Equal(Full(), Stored());
    }

    [Fact]
    public void Refreshing_after_every_batch_agrees_with_recomputing_from_every_row()
    {
        var random = new Random(20261130);
        var tickets = 0;
        for (var batch = 1; batch <= 40; batch++)
        {
            Batch(batch);
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var source = random.Next(2) == 0 ? "g" : "z";
                var at = Day.AddMinutes(random.Next(0, 60 * 24 * 10));
                if (tickets > 0 && random.Next(3) == 0)
                {
                    // An update of an earlier ticket, to any time: the newest row may move back.
                    Execute($"UPDATE tickets SET created_at = $at, updated_at = $at, batch_id = {batch} WHERE ticket_id = 'T{random.Next(tickets)}'", at);
                }
                else
                {
                    Execute($"INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, updated_at, batch_id) VALUES ('{source}', 'T{tickets++}', 'C', $at, 'email', 'open', $at, {batch})", at);
                }
            }
            if (random.Next(3) > 0)
            {
                Refresh();
                Assert.Equal(Full(), Stored());
            }
        }
    }

    private void Refresh() => _table.Refresh(_connection);

    private void Load(long batch, params (string Source, string Ticket, DateTimeOffset At)[] rows)
    {
        Batch(batch);
        foreach (var (source, ticket, at) in rows)
        {
            Execute(string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, updated_at, batch_id) VALUES ('{source}', '{ticket}', 'C', $at, 'email', 'open', $at, {batch})"), at);
        }
    }

    private void Batch(long id) => Execute(string.Create(CultureInfo.InvariantCulture,
        $"INSERT INTO ingest_batches (batch_id, kind, profile, file, sha256, started_at, status) VALUES ({id}, 'tickets', 'generic', 'f.csv', 'x', $at, 'loaded')"), Day);

    private void Execute(string sql, DateTimeOffset at)
    {
        using var command = _connection.CreateCommand(sql);
        command.Parameters.Add("at", at);
        command.ExecuteNonQuery();
    }

    private DateTimeOffset Horizon(string kind, string source)
    {
        using var command = _connection.CreateCommand("SELECT horizon FROM data_horizon WHERE kind = $kind AND source = $source");
        command.Parameters.Add("kind", kind).Add("source", source);
        return command.ExecuteScalar<DateTimeOffset>();
    }

    private string Stored() => Text("SELECT kind, source, horizon FROM data_horizon");

    /// <summary>The horizons recomputed from every row, as the first refresh does.</summary>
    private string Full()
    {
        using var command = _connection.CreateCommand("""
            SELECT kind, source, least(max(instant), $now) FROM (
                SELECT 'tickets' AS kind, source, greatest(created_at, updated_at, first_response_at, solved_at, closed_at) AS instant FROM tickets
                UNION ALL SELECT 'incidents', source, greatest(started_at, acknowledged_at, first_update_at, resolved_at, updated_at) FROM incidents)
            GROUP BY kind, source
            """);
        command.Parameters.Add("now", _time.Now);
        return Rows(command);
    }

    private string Text(string sql)
    {
        using var command = _connection.CreateCommand(sql);
        return Rows(command);
    }

    private static string Rows(WarehouseCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetDateTimeOffset(2):O}"));
        }
        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }
}
