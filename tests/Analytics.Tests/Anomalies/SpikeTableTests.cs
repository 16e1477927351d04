using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Tests.Forecasting;

namespace SupportLens.Analytics.Tests.Anomalies;

public sealed class SpikeTableTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly LocalDate Start = new(2026, 1, 5);
    private static readonly LocalDate SpikeDay = new(2026, 3, 11);

    [Fact]
    public void Refresh_stores_each_clients_unusual_days_per_channel_and_in_all()
    {
        using var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'g', 'Acme', 'starter'), ('B', 'g', 'Bolt', 'business')");
        // Every weekday A sends 6 emails and B 3 chats, every weekend day 1 each; on Wednesday 03-11 A sends 30 emails.
        TestTickets.Insert(connection, TestTickets.Daily(Start, 84, ["A", "B"], ["email", "chat"], (day, client, channel) =>
            (client, channel) switch
            {
                ("A", "email") => day == SpikeDay ? 30 : day.DayOfWeek >= IsoDayOfWeek.Saturday ? 1 : 6,
                ("B", "chat") => day.DayOfWeek >= IsoDayOfWeek.Saturday ? 1 : 3,
                _ => 0,
            }));
        new DataHorizonTable(Clock).Refresh(connection);
        var table = new SpikeTable(ForecastSettings.Default, NewYork, Clock);
        Assert.True(table.IsStale(connection));

        Assert.Equal(2, table.Refresh(connection));
        Assert.False(table.IsStale(connection));

        var spikes = SpikeStore.Read(connection, Start, Start.PlusDays(83));
        Assert.Equal([("A", "all"), ("A", "email")], spikes.Select(s => (s.ClientId, s.Channel)));
        var email = spikes.Single(s => s.Channel == "email").Spike;
        // The same weekday in the weeks around it had 6 emails; the score uses the Poisson floor √6 as the scale
        // (the other days fit exactly): (30 − 6) / √6 = 9.80.
        Assert.Equal((SpikeDay, 30.0, 6.0), (email.Date, email.Volume, email.Expected));
        Assert.Equal(24 / Math.Sqrt(6), email.Score, 6);
        Assert.Equal(SpikeDirection.High, email.Direction);
        Assert.True(email.ExpectedLow < 6 && email.ExpectedHigh > 6 && email.ExpectedHigh < 30);
        Assert.Empty(SpikeStore.Read(connection, Start, Start.PlusDays(83), "B"));

        // The history runs 01-05 to 03-29 (the last ticket's day, 03-29, is not complete): March is scanned through the 28th.
        Assert.Equal(28, SpikeStore.DaysScanned(connection, "A", new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(0, SpikeStore.DaysScanned(connection, "Z", new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));
    }
}
