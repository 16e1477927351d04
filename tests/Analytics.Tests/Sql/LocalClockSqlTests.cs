using NodaTime;
using SupportLens.Analytics.Sql;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Sql;

public sealed class LocalClockSqlTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Europe/London")]
    [InlineData("UTC")]
    public void Local_days_and_hours_agree_with_duckdbs_time_zone_conversion(string zoneId)
    {
        // An instant every 37 minutes through 2025 and 2026: every DST change of both years, at every minute offset.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var from = Instant.FromUtc(2025, 1, 1, 0, 0);
        var to = Instant.FromUtc(2027, 1, 1, 0, 0);
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("""
            CREATE TEMP TABLE instants AS
            SELECT TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_minutes(37 * i) AS t FROM range(0, 2 * 366 * 24 * 60 // 37) r(i)
            """);
        using var command = connection.CreateCommand($"""
            SELECT count(*),
                   count(*) FILTER (WHERE DATE '1970-01-01' + CAST({LocalClockSql.EpochDay("t", zone, from, to)} AS INTEGER) <> CAST(timezone($zone, t) AS DATE)),
                   count(*) FILTER (WHERE {LocalClockSql.HourOfDay("t", zone, from, to)} <> hour(timezone($zone, t)))
            FROM instants
            """);
        command.Parameters.Add("zone", zoneId);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.True(reader.GetInt64(0) > 28_000);
        Assert.Equal((0L, 0L), (reader.GetInt64(1), reader.GetInt64(2)));
    }

    [Fact]
    public void Day_numbers_are_dates() =>
        Assert.Equal(new LocalDate(2026, 3, 8), LocalClockSql.Date(20520));
}
