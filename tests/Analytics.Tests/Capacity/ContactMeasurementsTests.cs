using NodaTime;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Tests.Forecasting;

namespace SupportLens.Analytics.Tests.Capacity;

public sealed class ContactMeasurementsTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void Each_channels_intraday_profile_leans_on_the_organisations_by_240_contacts()
    {
        using var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        // In the week of 03-09 (after New York's spring forward): 240 emails at 10:00 and 240 chats at 20:00 New York time,
        // and 240 phone calls offered at 14:00 in the volume export.
        var tickets = Enumerable.Range(0, 240).SelectMany(i => new[]
        {
            new TestTicket($"e{i}", "A", "email", new DateTimeOffset(2026, 3, 9 + i % 7, 14, i % 60, 0, TimeSpan.Zero)),
            new TestTicket($"c{i}", "A", "chat", new DateTimeOffset(2026, 3, 10 + i % 6, 0, i % 60, 0, TimeSpan.Zero)),
        });
        TestTickets.Insert(connection, tickets);
        connection.ExecuteNonQuery("""
            INSERT INTO volume_intervals (source, interval_start, interval_minutes, channel, client_id, offered, handled, avg_handle_seconds)
            SELECT 'acd', TIMESTAMPTZ '2026-03-09 18:00:00+00' + to_days(d), 60, 'phone', 'A', 40, 40, 360 FROM range(0, 6) t(d);
            """);
        var window = new MeasurementWindow(new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 15), NewYork);

        var shares = ContactMeasurements.HourlyShares(connection, window);

        // The organisation: a third at 10:00, 14:00 and 20:00 each. Email: (240 + 240 / 3) / (240 + 240) = 2/3 at 10:00,
        // 1/6 at 14:00 and at 20:00.
        Assert.Equal(2 / 3.0, shares["email"][10], 9);
        Assert.Equal(1 / 6.0, shares["email"][14], 9);
        Assert.Equal(1 / 6.0, shares["email"][20], 9);
        Assert.Equal(2 / 3.0, shares["chat"][20], 9);
        Assert.Equal(2 / 3.0, shares["phone"][14], 9);
        Assert.All(shares.Values, s => Assert.Equal(1, s.Sum(), 9));

        var handle = Assert.Single(ContactMeasurements.HandleTimes(connection, window));
        Assert.Equal(("phone", TimeSpan.FromSeconds(360), 240L), (handle.Key, handle.Value.HandleTime, handle.Value.Contacts));
    }
}
