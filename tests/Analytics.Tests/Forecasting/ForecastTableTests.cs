using NodaTime;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Forecasting;

public sealed class ForecastTableTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly LocalDate Start = new(2026, 1, 5);
    private static readonly ForecastSettings Quick = new() { HorizonDays = 14, BacktestOrigins = 3, GradientBoosting = false };

    // 20 weeks: A emails about 6 a weekday and 1 a weekend day, B chats about 3 and 1 (a seeded ±1 of noise).
    private static Warehouse History()
    {
        var noise = new Random(7);
        var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'g', 'Acme', 'starter'), ('B', 'g', 'Bolt', 'business')");
        TestTickets.Insert(connection, TestTickets.Daily(Start, 140, ["A", "B"], ["email", "chat"], (day, client, channel) =>
            (client, channel) switch
            {
                ("A", "email") => (day.DayOfWeek >= IsoDayOfWeek.Saturday ? 1 : 6) + noise.Next(-1, 2),
                ("B", "chat") => (day.DayOfWeek >= IsoDayOfWeek.Saturday ? 1 : 3) + noise.Next(-1, 2),
                _ => 0,
            }));
        new DataHorizonTable(Clock).Refresh(connection);
        return warehouse;
    }

    [Fact]
    public void Refresh_stores_a_daily_and_a_weekly_run_that_reads_back()
    {
        using var warehouse = History();
        using var connection = warehouse.OpenConnection();
        var table = new ForecastTable(Quick, NewYork, Clock);
        Assert.True(table.IsStale(connection));
        Assert.Null(ForecastStore.Latest(connection, SeriesFrequency.Daily));

        // 7 series × 14 days + 7 series × 2 weeks.
        Assert.Equal(7 * 14 + 7 * 2, table.Refresh(connection));
        Assert.False(table.IsStale(connection));

        var daily = ForecastStore.Latest(connection, SeriesFrequency.Daily)!;
        // The last ticket is created on 2026-05-24 (day 139) at 10:xx New York time: 05-23 is the last complete day.
        var through = new LocalDate(2026, 5, 23);
        Assert.Equal(through, daily.HistoryThrough);
        Assert.Equal(Clock.Now, daily.GeneratedAt);
        Assert.Equal(14, daily.Horizon);
        Assert.Equal(["total", "channel:email", "channel:chat", "tier:starter", "tier:business", "client:A", "client:B"], daily.Series.Select(s => s.Key));
        var email = daily.Series.Single(s => s.Key == "channel:email");
        Assert.Equal(Start, email.HistoryStart);
        Assert.Equal(139, email.HistoryPeriods);
        Assert.NotNull(email.BacktestMase);
        Assert.NotNull(email.SeasonalNaiveMase);
        Assert.Equal(Enumerable.Range(1, 14).Select(d => through.PlusDays(d)), email.Points.Select(p => p.Date));
        // A weekday brings about 6 emails, a weekend day about 1.
        Assert.InRange(email.Points.Single(p => p.Date == new LocalDate(2026, 5, 26)).Value, 5, 7);
        Assert.InRange(email.Points.Single(p => p.Date == new LocalDate(2026, 5, 30)).Value, 0, 2);
        Assert.All(email.Points, p => Assert.True(p.Lo95 <= p.Lo80 && p.Lo80 <= p.Value && p.Value <= p.Hi80 && p.Hi80 <= p.Hi95));
        Assert.True(daily.Coverage.Points > 0);
        Assert.Contains("email: tickets (created)", daily.Sources, StringComparison.Ordinal);

        var weekly = ForecastStore.Latest(connection, SeriesFrequency.Weekly)!;
        Assert.Equal(2, weekly.Horizon);
        // Whole weeks run Monday 01-05 to Sunday 05-17; the forecast weeks start on the Mondays after.
        Assert.Equal([new LocalDate(2026, 5, 18), new LocalDate(2026, 5, 25)], weekly.Series[0].Points.Select(p => p.Date));
        Assert.InRange(weekly.Series.Single(s => s.Key == "client:A").Points[0].Value, 28, 36);

        var channels = ForecastStore.Latest(connection, SeriesFrequency.Daily, "channel:")!;
        Assert.Equal(["channel:email", "channel:chat"], channels.Series.Select(s => s.Key));
        Assert.Equal(daily.RunId, new ForecastReader(warehouse).Latest(SeriesFrequency.Daily, "tier")!.RunId);
        Assert.Equal(["tier:starter", "tier:business"], new ForecastReader(warehouse).Latest(SeriesFrequency.Daily, "tier")!.Series.Select(s => s.Key));
    }

    [Fact]
    public void New_data_or_new_settings_make_it_stale_and_earlier_runs_stay()
    {
        using var warehouse = History();
        using var connection = warehouse.OpenConnection();
        var table = new ForecastTable(Quick, NewYork, Clock);
        table.Refresh(connection);
        var first = ForecastStore.Latest(connection, SeriesFrequency.Daily)!.RunId;

        // Surveys say nothing about volume: loading them does not redo the forecasts.
        connection.ExecuteNonQuery("""
            INSERT INTO csat_responses (source, response_id, client_id, responded_at, score, good, batch_id) VALUES ('g', 'r1', 'A', '2026-05-20T10:00:00Z', 5, true, 99);
            INSERT INTO ingest_batches (kind, profile, file, sha256, started_at, status) VALUES ('csat', 'generic', 'c.csv', 'y', now(), 'loaded');
            """);
        Assert.False(table.IsStale(connection));

        Assert.True(new ForecastTable(Quick with { HorizonDays = 7 }, NewYork, Clock).IsStale(connection));
        Assert.True(new ForecastTable(Quick, DateTimeZoneProviders.Tzdb["Europe/Berlin"], Clock).IsStale(connection));

        TestTickets.Insert(connection,
        [
            new TestTicket("web-1", "A", "web", new DateTimeOffset(2026, 5, 24, 20, 0, 0, TimeSpan.Zero)),
            new TestTicket("web-2", "A", "web", new DateTimeOffset(2026, 5, 25, 15, 0, 0, TimeSpan.Zero)),
        ]);
        new DataHorizonTable(Clock).Refresh(connection);
        Assert.True(table.IsStale(connection));
        Clock.Now = Clock.Now.AddHours(1);
        table.Refresh(connection);

        var latest = ForecastStore.Latest(connection, SeriesFrequency.Daily)!;
        Assert.True(latest.RunId > first);
        Assert.Equal(Clock.Now, latest.GeneratedAt);
        Assert.Equal(new LocalDate(2026, 5, 24), latest.HistoryThrough);
        Assert.Contains(latest.Series, s => s.Key == "channel:web");
        using var runs = connection.CreateCommand("SELECT count(*) FROM forecast_runs");
        Assert.Equal(4, runs.ExecuteScalar<long>());
    }

    [Fact]
    public void Histories_that_did_not_change_keep_the_stored_runs_and_a_changed_one_or_force_refits()
    {
        using var warehouse = History();
        using var connection = warehouse.OpenConnection();
        var table = new ForecastTable(Quick, NewYork, Clock);
        table.Refresh(connection);
        var first = ForecastStore.Latest(connection, SeriesFrequency.Daily)!;

        // Today's tickets (2026-05-24 in New York, after the last one): new data, but every history still ends 05-23.
        TestTickets.Insert(connection, [new TestTicket("today-1", "A", "email", new DateTimeOffset(2026, 5, 24, 18, 0, 0, TimeSpan.Zero))]);
        new DataHorizonTable(Clock).Refresh(connection);
        Assert.True(table.IsStale(connection));
        Assert.Equal(0, table.Refresh(connection));
        Assert.False(table.IsStale(connection));
        Assert.Equal(first.RunId, ForecastStore.Latest(connection, SeriesFrequency.Daily)!.RunId);
        using (var stamp = connection.CreateCommand("SELECT count(DISTINCT data_stamp) FROM forecast_runs"))
        {
            // The kept runs stand for the new data: both carry its stamp.
            Assert.Equal(1, stamp.ExecuteScalar<long>());
        }

        // A late ticket for a past day changes client A's, its tier's, the channel's and the total's history: all refit.
        TestTickets.Insert(connection, [new TestTicket("late-1", "A", "email", new DateTimeOffset(2026, 5, 20, 15, 0, 0, TimeSpan.Zero))]);
        Assert.True(table.Refresh(connection) > 0);
        var refitted = ForecastStore.Latest(connection, SeriesFrequency.Daily)!;
        Assert.True(refitted.RunId > first.RunId);
        Assert.Equal(first.HistoryThrough, refitted.HistoryThrough);

        // refresh --force clears the mark: refit although nothing changed.
        DerivedState.ClearMark(connection, table.Name);
        Assert.True(table.Refresh(connection) > 0);
        Assert.True(ForecastStore.Latest(connection, SeriesFrequency.Daily)!.RunId > refitted.RunId);
    }

    [Fact]
    public void A_warehouse_without_tickets_stores_no_run_and_is_then_fresh()
    {
        using var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        var table = new ForecastTable(Quick, NewYork, Clock);
        Assert.Equal(0, table.Refresh(connection));
        Assert.False(table.IsStale(connection));
        Assert.Null(ForecastStore.Latest(connection, SeriesFrequency.Daily));
    }
}
