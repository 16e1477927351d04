using NodaTime;
using SupportLens.Analytics.Forecasting;

namespace SupportLens.Analytics.Tests.Forecasting;

public sealed class VolumeSeriesQueryTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private const string Clients = """
        INSERT INTO clients (client_id, source, name, tier, churned_on) VALUES
            ('A', 'g', 'Acme', 'starter', NULL), ('B', 'g', 'Bolt', 'business', NULL), ('C', 'g', 'Gone', 'business', DATE '2026-03-09');
        """;

    // New York springs forward on 2026-03-08: that day runs 05:00Z to 04:00Z next day (23 hours).
    private const string SpringTickets = """
        INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, updated_at) VALUES
            ('g', '1', 'A', '2026-03-07T15:00:00Z', 'email', 'open', NULL),  -- 03-07 10:00 EST
            ('g', '2', 'A', '2026-03-08T04:30:00Z', 'email', 'open', NULL),  -- 03-07 23:30 EST
            ('g', '3', 'A', '2026-03-08T05:00:00Z', 'chat',  'open', NULL),  -- 03-08 00:00 EST
            ('g', '4', 'B', '2026-03-09T03:59:00Z', 'phone', 'open', NULL),  -- 03-08 23:59 EDT
            ('g', '5', 'B', '2026-03-09T04:00:00Z', 'email', 'open', NULL),  -- 03-09 00:00 EDT
            ('g', '6', 'C', '2026-03-10T03:30:00Z', 'chat',  'open', NULL),  -- 03-09 23:30 EDT, a client churned on 03-09
            ('g', '7', 'B', '2026-03-10T04:00:00Z', 'email', 'open', '2026-03-10T12:00:00Z'); -- 03-10: after the last complete day
        """;

    private static VolumeHistory Read(string sql)
    {
        using var warehouse = TestWarehouse.Create(Clock);
        TestWarehouse.Load(warehouse, Clock, Clients + "\n" + sql);
        using var connection = warehouse.OpenConnection();
        return new VolumeSeriesQuery(NewYork, Clock).Read(connection);
    }

    private static Dictionary<string, VolumeSeries> ByKey(VolumeHistory history) => history.Series.ToDictionary(s => s.Key);

    private static void AssertSeries(VolumeSeries series, LocalDate start, params double[] values)
    {
        Assert.Equal(start, series.Start);
        Assert.Equal(values, series.Values);
    }

    [Fact]
    public void Days_are_cut_at_New_York_midnight_across_the_spring_forward()
    {
        var history = Read(SpringTickets);

        // The horizon is ticket 7's update, 2026-03-10 08:00 EDT: the last complete day is 03-09, so ticket 7 is not counted.
        Assert.Equal(new LocalDate(2026, 3, 9), history.LastCompleteDay);
        Assert.Equal(
            ["total", "channel:email", "channel:chat", "channel:phone", "tier:starter", "tier:business", "client:A", "client:B"],
            history.Series.Select(s => s.Key));
        var series = ByKey(history);
        var march7 = new LocalDate(2026, 3, 7);
        var march8 = new LocalDate(2026, 3, 8);
        // 03-07: tickets 1, 2; 03-08: 3, 4; 03-09: 5, 6.
        AssertSeries(series["total"], march7, 2.0, 2, 2);
        AssertSeries(series["channel:email"], march7, 2.0, 0, 1);
        AssertSeries(series["channel:chat"], march8, 1.0, 1);
        AssertSeries(series["channel:phone"], march8, 1.0, 0);
        AssertSeries(series["tier:starter"], march7, 2.0, 1, 0);
        // Business: B's 4 on 03-08, B's 5 and churned C's 6 on 03-09; C keeps its tier history but gets no series of its own.
        AssertSeries(series["tier:business"], march8, 1.0, 2);
        AssertSeries(series["client:A"], march7, 2.0, 1, 0);
        AssertSeries(series["client:B"], march8, 1.0, 1);
        Assert.DoesNotContain(history.ClientChannels, c => c.ClientId == "C");
        Assert.Equal(["A/email", "A/chat", "B/email", "B/phone"], history.ClientChannels.Select(c => $"{c.ClientId}/{c.Channel}"));
        Assert.All(history.Sources, s => Assert.Null(s.VolumeFrom));
    }

    [Fact]
    public void The_fall_back_day_has_25_hours()
    {
        // New York falls back on 2026-11-01: that day runs 04:00Z to 05:00Z next day.
        var history = Read("""
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, updated_at) VALUES
                ('g', '1', 'A', '2026-11-01T03:59:00Z', 'web', 'open', NULL),   -- 10-31 23:59 EDT
                ('g', '2', 'A', '2026-11-01T04:00:00Z', 'web', 'open', NULL),   -- 11-01 00:00 EDT
                ('g', '3', 'A', '2026-11-02T04:30:00Z', 'web', 'open', NULL),   -- 11-01 23:30 EST
                ('g', '4', 'A', '2026-11-02T05:00:00Z', 'web', 'open', NULL),   -- 11-02 00:00 EST
                ('g', '5', 'A', '2026-11-03T05:00:00Z', 'web', 'open', NULL);   -- 11-03 00:00 EST: the horizon, 11-02 is complete
            """);
        Assert.Equal(new LocalDate(2026, 11, 2), history.LastCompleteDay);
        AssertSeries(ByKey(history)["channel:web"], new LocalDate(2026, 10, 31), 1.0, 2, 1);
    }

    [Fact]
    public void A_channel_with_volume_rows_counts_offered_contacts_from_the_exports_first_day()
    {
        // Phone has an interval export from 03-08 on: 3 offered for B at 03-08 10:00 EDT, 5 offered in a queue without a
        // client at 03-09 09:00 EDT. Before 03-08 phone tickets would still count (there are none).
        var history = Read(SpringTickets + "\n" + """
            INSERT INTO volume_intervals (source, interval_start, interval_minutes, channel, client_id, queue, offered, handled, avg_handle_seconds) VALUES
                ('acd', '2026-03-08T14:00:00Z', 30, 'phone', 'B', NULL, 3, 3, 300),
                ('acd', '2026-03-09T13:00:00Z', 30, 'phone', NULL, 'sales', 5, 4, 240),
                ('acd', '2026-03-10T13:00:00Z', 30, 'phone', 'B', NULL, 9, 9, 300);
            """);
        // The export's newest interval ends 03-10 09:30 EDT, after the tickets' horizon (03-10 08:00 EDT): still 03-09.
        Assert.Equal(new LocalDate(2026, 3, 9), history.LastCompleteDay);
        var series = ByKey(history);
        // Phone: ticket 4 (03-08) is replaced by the export's 3 on 03-08 and 5 on 03-09.
        AssertSeries(series["channel:phone"], new LocalDate(2026, 3, 8), 3.0, 5);
        // Total 03-07: 2; 03-08: chat ticket 3 + 3 offered; 03-09: tickets 5, 6 + 5 offered.
        AssertSeries(series["total"], new LocalDate(2026, 3, 7), 2.0, 4, 7);
        // Client B: the export's 3 replace ticket 4 on 03-08; the queue's 5 name no client; ticket 5 on 03-09.
        AssertSeries(series["client:B"], new LocalDate(2026, 3, 8), 3.0, 1);
        var phone = Assert.Single(history.Sources, s => s.Channel == "phone");
        Assert.Equal(new LocalDate(2026, 3, 8), phone.VolumeFrom);
        Assert.Null(Assert.Single(history.Sources, s => s.Channel == "email").VolumeFrom);
    }

    [Fact]
    public void An_empty_volume_table_counts_tickets_and_no_data_gives_no_series()
    {
        using (var warehouse = TestWarehouse.Create(Clock))
        using (var connection = warehouse.OpenConnection())
        {
            Assert.False(VolumeExport.HasRows(connection));
            Assert.Null(VolumeExport.Horizon(connection, NodaTime.Instant.FromDateTimeOffset(Clock.Now)));
        }

        var empty = Read(string.Empty);
        Assert.Null(empty.LastCompleteDay);
        Assert.Empty(empty.Series);
    }

    [Fact]
    public void Weekly_series_sum_whole_iso_weeks_of_the_daily_ones()
    {
        var rows = string.Join(",\n", Enumerable.Range(0, 21).Select(d =>
            $"('g', 'w{d}', 'A', TIMESTAMPTZ '2026-02-04 15:00:00+00' + INTERVAL {d} DAY, 'email', 'open', NULL)"));
        var history = Read($"INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, updated_at) VALUES {rows};");
        // One ticket a day from Wednesday 02-04 to Tuesday 02-24; the last complete day is 02-23 (the horizon is 02-24 10:00 EST).
        // Whole weeks: Monday 02-09..02-15 and 02-16..02-22, 7 tickets each; 02-04..02-08 and 02-23 are partial weeks.
        var total = Assert.Single(history.Weekly(), s => s.Key == "total");
        Assert.Equal(new LocalDate(2026, 2, 9), total.Start);
        Assert.Equal([7.0, 7], total.Values);
    }
}
