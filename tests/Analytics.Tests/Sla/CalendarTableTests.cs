using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Sla;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>The SQL calendar table and the C# calendar walk are two implementations of business time: they must agree.</summary>
public sealed class CalendarTableTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;

    public CalendarTableTests() => _connection = _warehouse.OpenConnection();

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    public static TheoryData<string> CalendarNames => ["ny-business-hours", "ny-extended-hours", "24x7"];

    [Theory]
    [MemberData(nameof(CalendarNames))]
    public void Sql_business_time_equals_the_calendar_walk_across_dst_and_holidays(string name)
    {
        var calendar = SupportLensSettings.Default.Calendars[name];
        CalendarTable.Materialize(_connection, [calendar], new LocalDate(2025, 12, 1), new LocalDate(2027, 1, 31));
        _connection.ExecuteNonQuery("CREATE TEMP TABLE pairs (a BIGINT, b BIGINT)");
        // Seeded pairs around both 2026 DST changes, Thanksgiving, Christmas and ordinary weeks.
        var random = new Random(2026);
        var anchors = new[] { "2026-03-06T12:00:00Z", "2026-10-30T12:00:00Z", "2026-11-25T12:00:00Z", "2026-12-23T12:00:00Z", "2026-06-10T12:00:00Z" }
            .Select(text => Instant.FromDateTimeOffset(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var pairs = new List<(Instant A, Instant B)>();
        using (var appender = _connection.CreateAppender("pairs"))
        {
            for (var i = 0; i < 2000; i++)
            {
                var a = anchors[i % anchors.Length] + Duration.FromMinutes(random.Next(-4 * 24 * 60, 4 * 24 * 60));
                var b = a + Duration.FromMinutes(random.Next(0, 6 * 24 * 60));
                pairs.Add((a, b));
                appender.Append(a.ToUnixTimeTicks() / 10).Append(b.ToUnixTimeTicks() / 10).EndRow();
            }
            appender.Complete();
        }
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT p.a, p.b, ({CalendarTable.CumulativeSql("ob", "p.b")} - {CalendarTable.CumulativeSql("oa", "p.a")}) / 60e6 AS minutes
            FROM pairs p
            ASOF LEFT JOIN (SELECT * FROM {CalendarTable.Name} WHERE calendar = $calendar) oa ON p.a >= oa.open_start
            ASOF LEFT JOIN (SELECT * FROM {CalendarTable.Name} WHERE calendar = $calendar) ob ON p.b >= ob.open_start
            """;
        command.Parameters.Add("calendar", name);
        using var reader = command.ExecuteReader();
        var compared = 0;
        while (reader.Read())
        {
            var a = Instant.FromUnixTimeTicks(reader.GetInt64(0) * 10);
            var b = Instant.FromUnixTimeTicks(reader.GetInt64(1) * 10);
            var expected = calendar.BusinessTimeBetween(a, b).TotalMinutes;
            Assert.True(Math.Abs(expected - reader.GetDouble(2)) < 1e-6, $"{name}: {a} .. {b}: walk {expected} min, SQL {reader.GetDouble(2)} min");
            compared++;
        }
        Assert.Equal(pairs.Count, compared);
    }
}
